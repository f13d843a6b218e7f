"""`charagen-train sample`: the same flags and outputs as `./charagen sample`, from the Python networks."""

import argparse
import math
import sys
from pathlib import Path

import numpy as np
import torch

from .. import images
from ..errors import UsageError
from ..latent import parse_seeds, z_for_seed
from ..models import device_for, load_generator
from ..safe_files import atomic_write, check_writable


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("sample", help="draw images by seed (as ./charagen sample)",
                              description="z = numpy RandomState(seed).randn(1, z_dim), as the reference "
                                          "gen_images.py; outputs for several seeds are stacked or gridded. "
                                          "A StyleGAN3 network is drawn with the input transform its file stores; "
                                          "--translate/--rotate move the image from there.")
    p.add_argument("--model", required=True, type=Path, metavar="PATH",
                   help="a reference snapshot (.pkl), a charagen bundle (.json/.safetensors) or a resume folder")
    seeds = p.add_mutually_exclusive_group(required=True)
    seeds.add_argument("--seed", metavar="N", help="one seed, 0 <= N < 2^32")
    seeds.add_argument("--seeds", metavar="A-B", help="seeds A to B inclusive, as one batch")
    p.add_argument("--psi", type=float, default=1.0, metavar="F", help="truncation psi (default 1)")
    p.add_argument("--cutoff", type=int, metavar="K", help="truncate only the first K ws layers (default: all)")
    p.add_argument("--class", dest="class_index", type=int, metavar="C", help="class index, for conditional models")
    p.add_argument("--translate", metavar="X,Y",
                   help="move a StyleGAN3 image by (X, Y) image widths from the framing its file stores "
                        "(for a network stored unmoved, as gen_images.py does)")
    p.add_argument("--rotate", type=float, metavar="DEG",
                   help="rotate a StyleGAN3 image by DEG degrees (before --translate) from the framing its file "
                        "stores (for a network stored unmoved, as gen_images.py does)")
    p.add_argument("--device", default="cpu", metavar="cpu|gpu", help="where to run (default cpu)")
    p.add_argument("--batch", type=int, metavar="N", help="seeds per forward pass (default 8 up to 128x128, else 1)")
    p.add_argument("--npy", type=Path, metavar="OUT.npy", help="raw synthesis output [N, C, H, W] float32")
    p.add_argument("--ws-npy", type=Path, metavar="OUT.npy", help="the ws [N, num_ws, w_dim] float32")
    p.add_argument("--png", type=Path, metavar="OUT.png", help="the image; several seeds make a grid, 8 per row")
    p.add_argument("--force", action="store_true", help="replace output files that already exist")
    return p


def run(args) -> int:
    seeds = parse_seeds("--seed", args.seed) if args.seed is not None else parse_seeds("--seeds", args.seeds)
    outputs = [o for o in (args.npy, args.ws_npy, args.png) if o is not None]
    if not outputs:
        raise UsageError("nothing to write: give --npy, --ws-npy and/or --png")
    if args.batch is not None and args.batch < 1:
        raise UsageError(f"--batch {args.batch}: expected at least 1")
    if not math.isfinite(args.psi):
        raise UsageError(f"--psi {args.psi}: expected a finite number")
    for out in outputs:
        check_writable(out, args.force)
    device = device_for(args.device)
    with torch.no_grad():  # not set_grad_enabled(False): a caller in the same process (a test) trains next
        return _draw(args, seeds, device)


def _draw(args, seeds, device) -> int:
    generator = load_generator(args.model, device)
    move_image(generator, args.translate, args.rotate)
    per_pass = args.batch or (8 if generator.img_resolution <= 128 else 1)
    all_images, all_ws = [], []
    for start in range(0, len(seeds), per_pass):
        chunk = seeds[start:start + per_pass]
        z = torch.from_numpy(np.concatenate([z_for_seed(s, generator.z_dim) for s in chunk])).float().to(device)
        c = class_labels(generator, len(chunk), args.class_index).to(device)
        ws = generator.mapping(z, c, truncation_psi=args.psi, truncation_cutoff=args.cutoff)
        all_images.append(generator.synthesis(ws, noise_mode="const").float().cpu().numpy())
        all_ws.append(ws.float().cpu().numpy())
        print(f"charagen-train: {start + len(chunk)}/{len(seeds)} seeds", file=sys.stderr)
    stacked = np.concatenate(all_images)
    if args.npy:
        atomic_write(args.npy, lambda f: np.save(f, stacked.astype(np.float32)), args.force)
    if args.ws_npy:
        ws_stacked = np.concatenate(all_ws)
        atomic_write(args.ws_npy, lambda f: np.save(f, ws_stacked.astype(np.float32)), args.force)
    if args.png:
        images.save_png(args.png, images.grid(images.to_uint8(stacked), 8), args.force)
    return 0


def class_labels(generator, n: int, class_index) -> torch.Tensor:
    """One-hot labels for a conditional generator; an empty [n, 0] for an unconditional one."""
    c_dim = generator.c_dim
    if c_dim == 0:
        if class_index is not None:
            raise UsageError(f"--class {class_index} given, but this model is unconditional")
        return torch.zeros(n, 0)
    if class_index is None or not 0 <= class_index < c_dim:
        raise UsageError(f"this model is conditional: give a class index 0..{c_dim - 1}"
                         + ("" if class_index is None else f" (got {class_index})"))
    c = torch.zeros(n, c_dim)
    c[:, class_index] = 1
    return c


def move_image(generator, translate, rotate) -> None:
    """Moves a StyleGAN3 image by --rotate, then --translate, from the framing the network stores
    (SynthesisInput.move_image); without either flag the stored transform is left as it is.
    gen_images.py overwrites the buffer instead; for a network stored unmoved the two agree."""
    given = translate is not None or rotate is not None
    if not generator.architecture.startswith("stylegan3"):
        if given:
            raise UsageError(f"--translate and --rotate need a StyleGAN3 model; this one is {generator.architecture}")
        return
    if not given:
        return
    tx = ty = 0.0
    if translate is not None:
        try:
            tx, ty = (float(part) for part in translate.split(","))
        except ValueError:
            raise UsageError(f"--translate '{translate}': expected two numbers X,Y") from None
    if not all(math.isfinite(v) for v in (tx, ty, rotate or 0.0)):
        raise UsageError("--translate and --rotate must be finite numbers")
    generator.synthesis.input.move_image(translate=(tx, ty), rotate_degrees=rotate or 0.0)
