"""`charagen-train evaluate`: scores a sprite model against held-out composer sheets, or a portrait
model against held-out DiceBear faces.

Each held-out character or face is drawn again by the model, through the model's own inverse (the
label encoder a renderer run or bundle carries) or, for any other model, a W+ projection. A sprite
redraw is cleaned up as the Java runtime does (background keyed out, specks removed) and compared
with the truth: figure mask IoU and the share of figure pixels within CIE dE 10. A face redraw is
compared by PSNR, at the model's resolution and scaled to RPG Maker's 144 px. The same arguments
give the same figures."""

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch

from .. import images
from ..data.lpc_catalogue import load_catalogue
from ..data.sprite_composer import SpriteComposer
from ..errors import UsageError
from ..evaluate.heldout import HELDOUT_SEED, heldout_set, score
from ..evaluate.inverse import load_portrait_model, load_sprite_model, model_kind
from ..safe_files import check_writable


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("evaluate", help="score a sprite or portrait model on held-out characters or faces",
                              description=__doc__.split("\n\n")[1])
    p.add_argument("--model", required=True, type=Path, metavar="PATH",
                   help="a bundle (.json), a renderer or GAN run's resume folder, or a .pkl snapshot")
    p.add_argument("--lpc", type=Path, default=Path("../shared/lpc"), help="the LPC layers (default ../shared/lpc)")
    p.add_argument("--count", type=int, default=64, help="held-out characters or faces (default 64)")
    p.add_argument("--seed", type=int, default=HELDOUT_SEED,
                   help=f"composer (or face) seed of the held-out set (default {HELDOUT_SEED})")
    p.add_argument("--mode", default="auto", choices=("auto", "inverse", "projection"),
                   help="auto: the model's own inverse where it has one, else projection")
    p.add_argument("--steps", type=int, default=200, help="projection steps (default 200)")
    p.add_argument("--json", type=Path, metavar="OUT.json", help="write the figures, per character too")
    p.add_argument("--png", type=Path, metavar="OUT.png",
                   help="a comparison image: rows of 8 truths, then their redraws")
    p.add_argument("--force", action="store_true", help="replace existing output files")
    return p


def run(args) -> int:
    if args.count < 1:
        raise UsageError(f"--count {args.count}: expected at least 1")
    for out in (args.json, args.png):
        if out is not None:
            check_writable(out, args.force)
    if model_kind(args.model) == "portrait":
        return evaluate_portraits(args)
    composer = SpriteComposer(args.lpc, load_catalogue(args.lpc))
    truth = heldout_set(composer, args.count, args.seed)
    model = load_sprite_model(args.model, composer.catalogue)
    mode, redrawn = redraw(args, model, truth.labels, truth.rgb, truth.masks)
    figures = score(redrawn, truth)
    print(f"held-out characters: {args.count} (composer seed {args.seed}), redrawn by {how(args, mode)}")
    print(f"figure mask IoU:      median {figures['iou_median']:.4f}  mean {figures['iou_mean']:.4f}  "
          f"worst {figures['iou_worst']:.4f}")
    print(f"pixels within dE 10:  median {figures['de10_median']:.4f}  mean {figures['de10_mean']:.4f}  "
          f"worst {figures['de10_worst']:.4f}")
    write_outputs(args, mode, figures, truth.rgb, redrawn)
    return 0


def evaluate_portraits(args) -> int:
    from ..data.face_worker import FaceWorker
    from ..data.lpc_palettes import load_palettes
    from ..render.faces import figure_of, heldout_faces, score_faces
    model = load_portrait_model(args.model)
    with FaceWorker(model.G.img_resolution) as worker:
        truth = heldout_faces(worker, load_palettes(), args.count, args.seed)
    mode, redrawn = redraw(args, model, truth.labels, truth.rgb, figure_of(truth.rgb))
    figures = score_faces(redrawn, truth)
    print(f"held-out faces: {args.count} (seed {args.seed}), redrawn by {how(args, mode)}")
    print(f"PSNR at {model.G.img_resolution} px: median {figures['psnr_median']:.2f} dB  mean "
          f"{figures['psnr_mean']:.2f}  worst {figures['psnr_worst']:.2f}")
    print(f"PSNR at 144 px:  median {figures['psnr144_median']:.2f} dB  worst {figures['psnr144_worst']:.2f}")
    write_outputs(args, mode, figures, truth.rgb, redrawn)
    return 0


def redraw(args, model, labels, rgb: np.ndarray, masks: np.ndarray):
    """(mode, uint8 redraws): through the model's own inverse from the labels, or a W+ projection of
    the truths (uint8 [N, H, W, 3]) weighted to their figures (bool [N, H, W])."""
    mode = args.mode if args.mode != "auto" else ("inverse" if model.has_inverse else "projection")
    torch.manual_seed(0)
    if mode == "inverse":
        if not model.has_inverse:
            raise UsageError(f"--mode inverse: {args.model} has no label encoder; use --mode projection")
        ws = model.inverse(labels)
    else:
        targets = torch.from_numpy(rgb).permute(0, 3, 1, 2).float() / 127.5 - 1
        figures = torch.from_numpy(masks).unsqueeze(1).float()
        ws = model.project(targets, figures, args.steps, log=lambda line: print(line, file=sys.stderr, flush=True))
    return mode, model.draw(ws)


def how(args, mode: str) -> str:
    return mode + (f" ({args.steps} steps)" if mode == "projection" else "")


def write_outputs(args, mode: str, figures: dict, truths: np.ndarray, redrawn: np.ndarray) -> None:
    """--json: the figures; --png: rows of 8 truths, then their redraws (32 at most)."""
    report = {"model": str(args.model), "mode": mode, "count": args.count, "seed": args.seed,
              "steps": args.steps if mode == "projection" else None, **figures}
    if args.json:
        from ..safe_files import atomic_write
        atomic_write(args.json, lambda f: f.write((json.dumps(report, indent=2) + "\n").encode()), args.force)
    if args.png:
        rows = []
        for start in range(0, min(len(truths), 32), 8):
            rows += [truths[start:start + 8], redrawn[start:start + 8]]
        images.save_png(args.png, images.grid(np.concatenate(rows), 8), overwrite=args.force)


