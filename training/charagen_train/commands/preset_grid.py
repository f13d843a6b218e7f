"""`charagen-train preset-grid`: a model's seeds under its presets. One row per seed, one column per
preset of a folder (an expression folder gives the expression grid of a portrait model: neutral,
then happy, sad, angry, surprised). A preset acts on its layer group's rows as the Java runtime
applies it: replace, lerp or add with its strength."""

import argparse
import json
from pathlib import Path
from typing import List, Tuple

import numpy as np
import torch

from .. import images
from ..checkpoint.bundle import read_bundle
from ..data.dicebear_styles import EXPRESSIONS
from ..errors import UsageError
from ..latent import parse_seeds, z_for_seed
from ..models import load_generator


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("preset-grid", help="seeds (rows) under each preset of a folder (columns)",
                              description=__doc__)
    p.add_argument("--model", required=True, type=Path, metavar="NAME.json", help="a bundle with layer groups")
    p.add_argument("--presets", required=True, type=Path, metavar="DIR", help="e.g. presets/NAME/expressions")
    p.add_argument("--seeds", required=True, help="e.g. 0-7")
    p.add_argument("--psi", type=float, default=0.7)
    p.add_argument("--out", required=True, type=Path, metavar="OUT.png")
    p.add_argument("--force", action="store_true")
    return p


def read_presets(folder: Path, card: dict) -> List[Tuple[str, dict, np.ndarray]]:
    """(name, preset, w [num_ws, w_dim]) of the folder's presets for this model, in expression order
    (neutral first), then by name."""
    found = []
    for path in sorted(Path(folder).glob("*.json")):
        preset = json.loads(path.read_text(encoding="utf-8"))
        if preset.get("model", {}).get("sha256") != card["weights"]["sha256"]:
            continue
        w = np.load(path.with_name(preset["w"]), allow_pickle=False)
        if w.shape != (card["num_ws"], card["w_dim"]):
            raise UsageError(f"{path}: w is {list(w.shape)}, the model's ws are [{card['num_ws']}, {card['w_dim']}]")
        found.append((preset["name"], preset, w))
    if not found:
        raise UsageError(f"--presets {folder}: no preset there is for model {card['name']} (sha256 "
                         f"{card['weights']['sha256'][:12]}...)")
    order = {name: i for i, name in enumerate(EXPRESSIONS)}
    return sorted(found, key=lambda item: (order.get(item[0], len(order)), item[0]))


def apply(ws: torch.Tensor, preset: dict, w: np.ndarray, groups: dict) -> torch.Tensor:
    """ws [N, num_ws, w_dim] with the preset applied to its rows."""
    rows = preset.get("layers") or groups[preset["layer_group"]]
    out = ws.clone()
    p = torch.from_numpy(w[rows]).float()
    strength = float(preset.get("strength", 1.0))
    if preset["mode"] == "replace":
        out[:, rows] = p
    elif preset["mode"] == "lerp":
        out[:, rows] = out[:, rows] + strength * (p - out[:, rows])
    else:  # add
        out[:, rows] = out[:, rows] + strength * p
    return out


def run(args) -> int:
    card, _ = read_bundle(args.model)
    groups = card.get("layer_groups") or {}
    presets = read_presets(args.presets, card)
    seeds = parse_seeds("--seeds", args.seeds)
    generator = load_generator(args.model, torch.device("cpu"))
    z = torch.from_numpy(np.concatenate([z_for_seed(s, generator.z_dim) for s in seeds])).float()
    columns = []
    with torch.no_grad():
        ws = generator.mapping(z, None, truncation_psi=args.psi)
        for _, preset, w in presets:
            drawn = generator.synthesis(apply(ws, preset, w, groups), noise_mode="const")
            columns.append(images.to_uint8(drawn.numpy()))
    grid = np.stack(columns, axis=1).reshape(len(seeds) * len(presets), *columns[0].shape[1:])
    images.save_png(args.out, images.grid(grid, len(presets)), overwrite=args.force)
    print(f"charagen-train: wrote {args.out} (rows: seeds {args.seeds}; columns: "
          f"{', '.join(name for name, _, _ in presets)})")
    return 0
