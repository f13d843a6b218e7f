"""`charagen-train export`: a run's G_ema as a charagen bundle (.safetensors + .json model card)."""

import argparse
import hashlib
import json
from pathlib import Path

from ..checkpoint import safetensors
from ..checkpoint.bundle import model_card, write_bundle
from ..errors import CharagenError, UsageError
from ..evaluate.inverse import LABELS_SUFFIX, label_encoder_tensors
from ..render.palette_bundle import write_palette_output
from ..train.resume import ResumePoint


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("export", help="write a run's G_ema as a bundle the Java runtime loads")
    p.add_argument("--run", required=True, type=Path, metavar="DIR", help="a resume point (RUN_DIR/resume)")
    p.add_argument("--out", required=True, type=Path, metavar="NAME.json",
                   help="the model card to write; the weights go beside it as NAME.safetensors")
    p.add_argument("--name", help="the model's name (default: the card's file name)")
    p.add_argument("--kind", choices=("sprite", "portrait"), help="default: the training data's kind")
    p.add_argument("--layer-groups", type=Path, metavar="JSON",
                   help="a JSON object of named ws layer groups, e.g. {\"pose\": [0, 1, 2]}")
    p.add_argument("--force", action="store_true", help="replace an existing bundle")
    return p


def run(args) -> int:
    point = ResumePoint.read(args.run)
    meta = point.state["data"]["meta"] or {}
    kind = args.kind or meta.get("kind")
    if kind not in ("sprite", "portrait"):
        raise UsageError("--kind: the training data does not say whether this is a sprite or portrait model")
    groups = None
    if args.layer_groups:
        try:
            groups = json.loads(args.layer_groups.read_text())
        except (OSError, json.JSONDecodeError) as e:
            raise UsageError(f"--layer-groups {args.layer_groups}: {e}") from None
    training = training_record(point)
    if point.state.get("method") == "renderer":
        generator, encoder, palette_head = renderer_parts(point)
        groups = groups or point.state.get("layer_groups")
        labels_file = args.out.with_name(args.out.stem + LABELS_SUFFIX)
        data = safetensors.write(labels_file, label_encoder_tensors(encoder), overwrite=args.force)
        training["label_encoder"] = {"file": labels_file.name, "sha256": hashlib.sha256(data).hexdigest(),
                                     "colour_from": point.state["config"]["colour_from"],
                                     **point.state["vocabulary"]}
    else:
        generator = point.generator_ema()
    card = model_card(args.name or args.out.stem, kind, generator, layer_groups=groups, layout=meta.get("layout"),
                      training=training, licence=meta.get("licence"), attribution=meta.get("attribution"))
    if point.state.get("method") == "renderer" and palette_head is not None:
        card["output"] = write_palette_output(args.out, palette_head, overwrite=args.force)
    write_bundle(args.out, card, generator.state_dict(), overwrite=args.force)
    print(f"charagen-train: wrote {args.out} and {args.out.with_suffix('.safetensors').name}")
    return 0


def renderer_parts(point: ResumePoint):
    """A renderer run's exported generator (synthesis and fitted mapping), its label encoder and its
    palette head (None for an rgb renderer)."""
    from ..render.model import RendererModel
    if "mapping_fit" not in point.state:
        raise CharagenError(f"{point.source}: the mapping network is not fitted yet; run charagen-train "
                            "fit-mapping --run on it first (seeds would draw noise)")
    model = RendererModel.from_point(point, "R_ema")
    return model.G.eval(), model.encoder, model.palette


def training_record(point: ResumePoint) -> dict:
    """What the card says about how the model was made."""
    state = point.state
    data = state["data"]
    meta = data.get("meta") or {}
    last = state["history"][-1] if state.get("history") else {}
    return {
        "toolkit": "charagen training/ (StyleGAN from the papers, PyTorch)",
        "kimg": round(state["cur_nimg"] / 1e3, 3),
        "training_seconds": round(state.get("training_seconds", 0.0)),
        "method": state.get("method", "gan"),
        "cpu_hours": round(state["cpu_seconds"] / 3600, 3) if "cpu_seconds" in state else None,
        "final_losses": {k: last[k] for k in ("loss_G", "loss_D", "r1", "loss") if k in last},
        "heldout": {k: last[k] for k in ("iou_median", "de10_median", "psnr_median", "psnr144_median")
                    if k in last} or None,
        "mapping_fit": state.get("mapping_fit"),
        "config": state["config"],
        "data": {"source": data["source"],
                 **{k: meta[k] for k in ("kind", "resolution", "count", "seed", "sources", "styles") if k in meta}},
        "seed": state.get("seed"),
    }
