"""`charagen-train build-sprites`: compose LPC walk sheets into a sprite training data set.

    charagen-train build-sprites --out data/sprites --count 50000 --seed 1 [--lpc DIR] [--force]

Sample i of a data set built with --seed S is `SpriteComposer.compose(S, i)`, the same
canvas that `SpriteStream(lpc, S).sample(i)` gives the trainer on the fly.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable, Optional

from ..data.dataset_files import DatasetError, write_dataset
from ..data.lpc_catalogue import LpcError, load_catalogue
from ..data.sprite_composer import SpriteComposer
from ..data.sprite_meta import sprite_dataset_meta

NAME = "build-sprites"
REPO = Path(__file__).resolve().parents[3]
DEFAULT_LPC = REPO.parent / "shared" / "lpc"
def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        NAME, help="compose LPC walk sheets into a sprite training data set",
        description="Compose random, coherent LPC characters into 256x256 walk-sheet canvases "
                    "(4 directions x 4 frames) and write them as a data set folder.")
    p.add_argument("--lpc", type=Path, default=DEFAULT_LPC,
                   help=f"LPC layer folder (default: {DEFAULT_LPC})")
    p.add_argument("--out", type=Path, required=True, help="data set folder to write")
    p.add_argument("--count", type=int, default=1000, help="number of samples (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="data set seed, >= 0 (default 0)")
    p.add_argument("--force", action="store_true", help="overwrite an existing, non-empty --out folder")
    return p


def build_sprite_dataset(lpc_root, out, count: int, seed: int, overwrite: bool = False,
                         progress: Optional[Callable[[int, int], None]] = None) -> dict:
    """Build a sprite data set folder; returns its dataset.json contents.
    Raises LpcError (LPC folder), DatasetError (output folder) or ValueError (arguments)."""
    if not isinstance(count, int) or count < 1:
        raise ValueError(f"--count must be a positive integer, got {count}")
    if not isinstance(seed, int) or seed < 0:
        raise ValueError(f"--seed must be an integer >= 0, got {seed}")
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not overwrite:
        raise DatasetError(f"{out} already exists and is not empty (use --force to overwrite)")
    catalogue = load_catalogue(lpc_root)
    composer = SpriteComposer(lpc_root, catalogue)
    meta = sprite_dataset_meta(catalogue, count, seed)
    attachments = {}
    authors = Path(lpc_root) / "AUTHORS.txt"
    if authors.is_file():
        attachments["AUTHORS.txt"] = authors.read_bytes()

    samples = (composer.compose(seed, i) for i in range(count))
    pairs = ((s.rgb, s.labels) for s in samples)
    images, labels = _split(pairs)
    return write_dataset(out, meta, images, labels, overwrite=overwrite,
                         attachments=attachments, progress=progress)


def _split(pairs):
    """Two iterators over one iterator of (image, labels), advanced in lock step."""
    pending = {}

    def images():
        for img, lab in pairs:
            pending["label"] = lab
            yield img

    def labels():
        while True:
            yield pending.pop("label")

    return images(), labels()


def run(args) -> int:
    started = time.monotonic()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - last[0] >= 2.0:
            last[0] = now
            rate = done / max(now - started, 1e-9)
            print(f"build-sprites: {done}/{total} samples ({rate:.0f}/s)", file=sys.stderr, flush=True)

    try:
        meta = build_sprite_dataset(args.lpc, args.out, args.count, args.seed,
                                    overwrite=args.force, progress=progress)
    except (LpcError, DatasetError, ValueError) as exc:
        print(f"build-sprites: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("build-sprites: cancelled; no data set was written", file=sys.stderr)
        return 130
    print(f"build-sprites: wrote {meta['count']} samples to {args.out} "
          f"({time.monotonic() - started:.1f} s)")
    return 0
