"""`charagen-train train --method renderer`: the renderer's own flags and how a command line
becomes a RendererOptions. The GAN flags that mean the same here (network size, batch, learning
rate) are shared; GAN-only ones are refused by name."""

import dataclasses
from pathlib import Path

from ..errors import CharagenError, UsageError
from ..train.data_source import LPC_PREFIX
from .config import PRESETS, RESUMABLE_CHANGES, RendererConfig
from .trainer import RendererOptions, train_renderer

SHARED = ("channel_base", "channel_max", "batch", "g_lr", "z_dim", "w_dim", "mapping_layers")
OWN = {"--embed-lr": ("embed_lr", float), "--mix-prob": ("mix_prob", float), "--psi-prob": ("psi_prob", float),
       "--colour-from": ("colour_from", int), "--background-weight": ("background_weight", float),
       "--ema-kimg": ("ema_kimg", float), "--blend-prob": ("blend_prob", float),
       "--blend-max": ("blend_max", float), "--edit-prob": ("edit_prob", float),
       "--edge-weight": ("edge_weight", float), "--adv-weight": ("adv_weight", float), "--patch-d-lr": ("d_lr", float),
       "--learned-noise-from": ("learned_noise_from", int), "--noise-lr": ("noise_lr", float),
       "--output": ("output", str), "--palette-lr": ("palette_lr", float),
       "--palette-steps": ("palette_steps", int), "--palette-batch": ("palette_batch", int),
       "--palette-pool": ("palette_pool", int), "--shade-weight": ("shade_weight", float)}


def add_arguments(parser) -> None:
    group = parser.add_argument_group("--method renderer")
    for flag, (field, kind) in OWN.items():
        if flag not in parser._option_string_actions:
            group.add_argument(flag, type=kind, dest="set_" + field, help=f"override the renderer's {field}")
    group.add_argument("--threads", type=int, help="torch threads (default: torch's own choice)")
    group.add_argument("--eval-kimg", type=float, default=1.0, help="held-out score every this many kimg")
    group.add_argument("--eval-count", type=int, default=16, help="held-out characters scored (at least 16)")


#: --data of a portrait renderer: faces drawn by DiceBear's adventurer style on request.
DICEBEAR_DATA = ("dicebear", "dicebear:adventurer")


def run(args, overrides: dict) -> int:
    if not args.data.startswith(LPC_PREFIX) and args.data not in DICEBEAR_DATA:
        raise UsageError(f"--method renderer draws its own samples: --data must be lpc:PATH (sprites) or dicebear "
                         f"(portraits), got {args.data}")
    if args.config not in PRESETS:
        raise UsageError(f"--config '{args.config}': the renderer has the presets {', '.join(PRESETS)}")
    changes = {}
    for flag, (field, _) in overrides.items():
        value = getattr(args, "set_" + field, None)
        if value is None:
            continue
        if field not in SHARED and flag not in OWN:
            raise UsageError(f"{flag} is a GAN setting; --method renderer does not use it")
        changes[field] = value
    for flag, (field, _) in OWN.items():
        value = getattr(args, "set_" + field, None)
        if value is not None:
            changes[field] = value
    fixed = sorted(set(changes) - set(RESUMABLE_CHANGES))
    if args.resume and fixed:
        raise UsageError(f"--resume continues the run's own networks and optimiser; drop {fixed} (only "
                         f"{', '.join(RESUMABLE_CHANGES)} may change)")
    config: RendererConfig = dataclasses.replace(PRESETS[args.config], **changes)
    config.check()
    if args.resume is None and (args.out / "resume").exists() and not args.force:
        raise CharagenError(f"{args.out} already holds a run; pass --resume {args.out / 'resume'} to continue it "
                            "or --force to start over there")
    if args.eval_count < 16:
        raise UsageError(f"--eval-count {args.eval_count}: at least 16 (the grid shows 16 held-out characters)")
    lpc = Path(args.data[len(LPC_PREFIX):]) if args.data.startswith(LPC_PREFIX) else None
    options = RendererOptions(lpc=lpc, out=args.out, config=config, kimg=args.kimg,
                              minutes=args.minutes, resume=args.resume, seed=args.seed, threads=args.threads,
                              tick_kimg=args.tick_kimg, eval_kimg=args.eval_kimg, eval_count=args.eval_count,
                              grid_kimg=args.grid_kimg, snapshot_kimg=args.snapshot_kimg,
                              resume_dtype=args.resume_dtype, changes=changes if args.resume else {})
    train_renderer(options)
    return 0
