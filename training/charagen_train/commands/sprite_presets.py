"""`charagen-train sprite-presets`: the archetype presets of a renderer sprite model (hero,
heroine, villain, elder), made from labels with the model's own label encoder
(render/archetypes.py says how each one works)."""

import argparse
from pathlib import Path

import torch

from ..checkpoint.bundle import read_bundle
from ..data.lpc_catalogue import load_catalogue
from ..errors import CharagenError, UsageError
from ..evaluate.inverse import load_sprite_model
from ..render.archetypes import ARCHETYPES, ColourArchetype, archetype_layers
from ..render.preset_files import write_preset
from ..safe_files import check_writable


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("sprite-presets", help="archetype presets of a renderer sprite model, from labels",
                              description=__doc__)
    p.add_argument("--model", required=True, type=Path, metavar="NAME.json", help="a renderer sprite bundle")
    p.add_argument("--lpc", type=Path, default=Path("../shared/lpc"), help="the LPC layers (default ../shared/lpc)")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="e.g. presets/sprite-lpc")
    p.add_argument("--force", action="store_true", help="replace presets that exist")
    return p


def run(args) -> int:
    card, _ = read_bundle(args.model)
    catalogue = load_catalogue(args.lpc)
    model = load_sprite_model(args.model, catalogue)
    if not model.has_inverse:
        raise UsageError(f"--model {args.model}: no label encoder in its card (not a renderer bundle)")
    groups = card.get("layer_groups") or {}
    if "shape" not in groups or "colour" not in groups:
        raise CharagenError(f"{args.model}: the card names no 'shape' and 'colour' layer groups")
    folder = args.out / "archetypes"
    files = [folder / f"{a.name}{ext}" for a in ARCHETYPES for ext in (".json", ".npy")]
    for file in files:
        check_writable(file, args.force)
    folder.mkdir(parents=True, exist_ok=True)
    for archetype in ARCHETYPES:
        with torch.no_grad():
            if isinstance(archetype, ColourArchetype):
                cls = archetype.colour_class
                token = model.vocabulary.colour_index[f"{cls}:{archetype.colour}"]
                w = model.encoder.direction(model.vocabulary.colour_class(cls), token)
                preset = {"layer_group": "colour", "mode": "add", "strength": 1.0,
                          "source": {"method": "labels", "recolour": {"class": cls, "colour": archetype.colour}}}
            else:
                layers = archetype_layers(catalogue, archetype)
                shapes, colours = model.vocabulary.encode(layers)
                w = model.encoder([shapes], [colours])[0]
                preset = {"layer_group": "shape", "mode": "replace", "strength": 1.0,
                          "source": {"method": "labels", "layers": [l.path for l in layers]}}
        write_preset(folder, archetype.name, "archetype", card, preset["layer_group"], preset["mode"],
                     preset["strength"], w.numpy(), archetype.description, preset["source"], args.force)
        print(f"charagen-train: wrote {folder / archetype.name}.json ({preset['mode']} on {preset['layer_group']})")
    return 0
