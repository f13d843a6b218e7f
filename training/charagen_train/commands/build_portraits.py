"""`charagen-train build-portraits`: the portrait training set (DiceBear faces in LPC colours)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..data.lpc_palettes import PALETTES_JSON, compute_palettes, load_palettes
from ..data.dataset_files import DatasetError
from ..data.portrait_builder import NPM_CI, PortraitRenderError, build_portraits


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "build-portraits",
        help="render the portrait training set (DiceBear faces coloured from the LPC palettes)",
        description="Render cartoon face portraits with DiceBear (style 'adventurer'), skin and hair "
                    "coloured from the LPC skin tones and hair colours, with expression labels. "
                    f"Needs Node.js 18+ and `{NPM_CI}` run once.")
    p.add_argument("--out", required=True, type=Path, help="output folder (must be empty unless --force)")
    p.add_argument("--count", type=int, default=10000, help="number of portraits (default 10000)")
    p.add_argument("--seed", type=int, default=0, help="data set seed, 0..2**32-1 (default 0)")
    p.add_argument("--resolution", type=int, default=256, help="width and height in pixels, a power of two (default 256)")
    p.add_argument("--force", action="store_true", help="write into a non-empty output folder, replacing the data set files")
    p.add_argument("--lpc", help="LPC layers folder (../shared/lpc): first check that the committed "
                                 "palettes (lpc_palettes.json) still match the art")
    p.add_argument("--node", default="node", help="Node.js executable (default: node on PATH)")
    return p


def run(args: argparse.Namespace) -> int:
    """0 ok, 1 failed, 2 bad arguments."""
    if args.lpc is not None:
        try:
            if compute_palettes(args.lpc) != load_palettes():
                print(f"error: {PALETTES_JSON} does not match the LPC art in {args.lpc}; regenerate it with "
                      f"`python3 -m charagen_train.data.lpc_palettes --lpc {args.lpc}`", file=sys.stderr)
                return 1
        except (OSError, ValueError) as e:
            print(f"error: --lpc {args.lpc}: {e}", file=sys.stderr)
            return 2 if isinstance(e, FileNotFoundError) else 1
        print(f"palettes match the LPC art in {args.lpc}", file=sys.stderr)
    if args.out.exists() and (not args.out.is_dir() or any(args.out.iterdir())) and not args.force:
        print(f"error: {args.out} already exists and is not empty (use --force to overwrite)", file=sys.stderr)
        return 2
    try:
        result = build_portraits(args.out, args.count, args.seed, args.resolution, overwrite=args.force,
                                 node=args.node, progress=lambda line: print(line, file=sys.stderr))
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except (PortraitRenderError, DatasetError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    n = result.count
    print(f"wrote {n} portraits to {result.folder}: images.npy.xz {result.images_bytes} bytes "
          f"({result.images_bytes / n:.0f} per portrait), rendering {1000 * result.render_seconds / n:.1f} ms "
          f"per portrait, {result.total_seconds:.1f} s in all")
    return 0
