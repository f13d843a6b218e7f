"""`charagen-train mix-grid`: shows what a model's layer groups carry. For each seed A (a row of
sheets), seed B (a second row) and the sheet drawn with A's ws on every layer except the group,
which takes B's (a third row): with the `colour` group, A's silhouette in B's colours."""

import argparse
from pathlib import Path

import numpy as np
import torch

from .. import images
from ..checkpoint.bundle import read_bundle
from ..errors import UsageError
from ..latent import parse_seeds, z_for_seed
from ..models import load_generator


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("mix-grid", help="seeds A, seeds B, and A with one layer group from B",
                              description=__doc__)
    p.add_argument("--model", required=True, type=Path, metavar="NAME.json", help="a bundle with layer groups")
    p.add_argument("--seeds", required=True, help="seeds A, e.g. 0-7")
    p.add_argument("--mix-seeds", required=True, help="seeds B, as many as --seeds")
    p.add_argument("--group", default="colour", help="the layer group that comes from B (default colour)")
    p.add_argument("--psi", type=float, default=0.7)
    p.add_argument("--out", required=True, type=Path, metavar="OUT.png")
    p.add_argument("--force", action="store_true")
    return p


def run(args) -> int:
    card, _ = read_bundle(args.model)
    groups = card.get("layer_groups") or {}
    if args.group not in groups:
        raise UsageError(f"--group {args.group}: the card's layer groups are {sorted(groups) or 'none'}")
    a, b = parse_seeds("--seeds", args.seeds), parse_seeds("--mix-seeds", args.mix_seeds)
    if len(a) != len(b):
        raise UsageError(f"--seeds gives {len(a)} seeds and --mix-seeds {len(b)}; give as many of each")
    generator = load_generator(args.model, torch.device("cpu"))
    layers = groups[args.group]
    rows = []
    with torch.no_grad():
        ws_a, ws_b = (generator.mapping(torch.from_numpy(np.concatenate([z_for_seed(s, generator.z_dim) for s in seeds]))
                                        .float(), None, truncation_psi=args.psi) for seeds in (a, b))
        mixed = ws_a.clone()
        mixed[:, layers] = ws_b[:, layers]
        for ws in (ws_a, ws_b, mixed):
            rows.append(images.to_uint8(generator.synthesis(ws, noise_mode="const").numpy()))
    images.save_png(args.out, images.grid(np.concatenate(rows), len(a)), overwrite=args.force)
    print(f"charagen-train: wrote {args.out} (rows: seeds {args.seeds}, seeds {args.mix_seeds}, the first with "
          f"the '{args.group}' layers of the second)")
    return 0
