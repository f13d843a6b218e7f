"""`charagen-train portrait-presets`: the expression presets (neutral, happy, sad, angry,
surprised) and archetype presets (hero, heroine, villain, elder) of a renderer portrait model,
made from labels with the model's own label encoder (render/face_presets.py says how)."""

import argparse
from pathlib import Path

from ..checkpoint.bundle import read_bundle
from ..data.lpc_palettes import load_palettes
from ..errors import CharagenError, UsageError
from ..evaluate.inverse import load_portrait_model
from ..render.face_presets import ARCHETYPE_PRESETS, EXPRESSION_PRESETS, FACES, preset_w
from ..render.preset_files import write_preset
from ..safe_files import check_writable


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("portrait-presets", help="expression and archetype presets of a renderer portrait "
                                                       "model, from labels", description=__doc__)
    p.add_argument("--model", required=True, type=Path, metavar="NAME.json", help="a renderer portrait bundle")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="e.g. presets/portrait-dicebear")
    p.add_argument("--force", action="store_true", help="replace presets that exist")
    return p


def run(args) -> int:
    card, _ = read_bundle(args.model)
    if card["kind"] != "portrait":
        raise UsageError(f"--model {args.model}: a {card['kind']} model (sprite presets: sprite-presets)")
    model = load_portrait_model(args.model)
    if not model.has_inverse:
        raise UsageError(f"--model {args.model}: no label encoder in its card (not a renderer bundle)")
    groups = card.get("layer_groups") or {}
    missing = [g for g in ("identity", "expression", "accessories") if g not in groups]
    if missing:
        raise CharagenError(f"{args.model}: the card names no {', '.join(missing)} layer group")
    presets = [(p, args.out / ("expressions" if p.kind == "expression" else "archetypes"))
               for p in EXPRESSION_PRESETS + ARCHETYPE_PRESETS]
    for preset, folder in presets:
        for ext in (".json", ".npy"):
            check_writable(folder / f"{preset.name}{ext}", args.force)
    palettes = load_palettes()
    for preset, folder in presets:
        folder.mkdir(parents=True, exist_ok=True)
        w = preset_w(model.encoder, model.vocabulary, preset, palettes)
        source = {"method": "labels", "parts": preset.parts, "faces": FACES}
        path = write_preset(folder, preset.name, preset.kind, card, preset.layer_group, "replace", 1.0, w,
                            preset.description, source, args.force)
        print(f"charagen-train: wrote {path} (replace on {preset.layer_group})")
    return 0
