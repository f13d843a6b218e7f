"""`charagen-train export-encoder`: a trained head encoder (train-encoder's run) as a bundle paired with
a renderer portrait model. Each class of each head becomes the portrait label encoder's vector of the
face part it stands for (head_encoder/pairing.py), and the bias that encoder's bias plus the neutral
expression's parts, so the bundle's network outputs the w of the paired face. The logits of the
shape and hair colour heads are scaled up first (net.EXPORT_SHARPNESS), so that those heads pick
one class (`<portrait>.encoder.json` beside the portrait card is where the Java pipeline looks for it)."""
import argparse
import json
from pathlib import Path

import torch

from ..checkpoint import safetensors
from ..errors import CharagenError, UsageError
from ..head_encoder import pairing
from ..head_encoder.bundle import card_path_for, write_encoder_bundle
from ..head_encoder.net import EXPORT_SHARPNESS, HeadEncoderNet, sharpened, ws_weights
from .train_encoder import STATE_FILE, WEIGHTS_FILE


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("export-encoder", help="pair a trained head encoder with a portrait model")
    p.add_argument("--run", required=True, type=Path, metavar="DIR", help="train-encoder's run folder")
    p.add_argument("--portrait-model", required=True, type=Path, metavar="CARD",
                   help="a renderer portrait model's card (with its label encoder)")
    p.add_argument("--out", type=Path, metavar="NAME.json", help="default: <portrait>.encoder.json beside it")
    p.add_argument("--force", action="store_true", help="replace an existing bundle")
    return p


def run(args) -> int:
    from ..evaluate.inverse import load_portrait_model
    from ..render.face_presets import EXPRESSION_PRESETS
    try:
        state = json.loads((args.run / STATE_FILE).read_text())
    except (OSError, ValueError) as e:
        raise UsageError(f"--run {args.run}: no trained encoder there ({e})") from None
    portrait = load_portrait_model(args.portrait_model)
    if not portrait.has_inverse:
        raise UsageError(f"--portrait-model {args.portrait_model}: no label encoder, so its faces have no part tokens")
    net = HeadEncoderNet([len(state["classes"][h]) for h in state["heads"]], state["conv_layers"], state["hidden"])
    tensors = safetensors.decode((args.run / WEIGHTS_FILE).read_bytes(), str(args.run / WEIGHTS_FILE))
    net.load_state_dict({k: torch.from_numpy(v) for k, v in tensors.items()})
    net = sharpened(net, state["heads"], EXPORT_SHARPNESS)
    E, vocab = portrait.encoder, portrait.vocabulary
    shape_vectors = {t: E.shape[i].detach() for t, i in vocab.shape_index.items()}
    colour_vectors = {t: E.colour[i].detach() for t, i in vocab.colour_index.items()}
    heads = []
    for h in state["heads"]:
        tokens = [pairing.face_token(h, c) for c in state["classes"][h]]
        unknown = [t for t in tokens if t is not None and t not in shape_vectors and t not in colour_vectors]
        if unknown:
            raise CharagenError(f"{args.portrait_model}: the portrait vocabulary has no token {unknown[0]} "
                                f"(head {h}); it is not the DiceBear model this pairing table was written for")
        heads.append({"name": h, "classes": state["classes"][h], "tokens": tokens})
    weight = ws_weights([h["tokens"] for h in heads], shape_vectors, colour_vectors, E.bias.shape[0])
    neutral = next(p for p in EXPRESSION_PRESETS if p.name == "neutral")
    bias = E.bias.detach() + sum(shape_vectors[f"{part}:{v}"] for part, v in neutral.parts.items())
    card = json.loads(args.portrait_model.read_text())
    pairs = {"sprite": state["sprite_model"],
             "portrait": {"name": card["name"], "sha256": card["weights"]["sha256"]}}
    out = args.out or card_path_for(args.portrait_model)
    training = {"method": "classifier of the LPC skin tone, hair colour, hair style and beard on composed sheets "
                          "(labels), sheets the sprite model drew from labels (style and beard from the labels) and "
                          "from seeds, the colours of drawn sheets read off them (skin as a mix of two tones); "
                          "each class mapped to the paired DiceBear face part (charagen_train/head_encoder/pairing.py, "
                          "readings.py, targets.py)",
                "logits_scaled": EXPORT_SHARPNESS,
                "steps": state["steps"], "batch": state["batch"], "samples": state["data"],
                "cpu_hours": round(state["training_cpu_seconds"] / 3600, 3),
                "heldout": state["history"][-1]["heldout"]}
    write_encoder_bundle(out, card["name"] + ".encoder", net, heads, weight, bias, pairs, training, args.force)
    print(f"charagen-train: wrote {out} and {out.with_suffix('.safetensors').name}")
    return 0
