"""`charagen-train train`: trains a generator on a data set (or on LPC sheets composed on the fly)."""

import argparse
import dataclasses
import os
from pathlib import Path

from ..errors import CharagenError, UsageError
from ..train import config as configs
from ..evaluate.heldout import HELDOUT_SEED
from ..render import command as renderer_command
from ..train.data_source import LPC_PREFIX
from ..train.processes import run_in_processes, without_processes_flag
from ..train.trainer import TrainingOptions, train

# Command-line overrides of the preset: flag -> config field.
OVERRIDES = {"--architecture": ("architecture", str), "--resolution": ("resolution", int),
             "--cbase": ("channel_base", int), "--cmax": ("channel_max", int), "--map": ("mapping_layers", int),
             "--z-dim": ("z_dim", int), "--w-dim": ("w_dim", int), "--batch": ("batch", int),
             "--glr": ("g_lr", float), "--dlr": ("d_lr", float), "--gamma": ("gamma", float),
             "--ema-kimg": ("ema_kimg", float), "--blur-sigma": ("blur_init_sigma", float),
             "--blur-fade-kimg": ("blur_fade_kimg", float), "--mixing": ("style_mixing_prob", float),
             "--d-cbase": ("d_channel_base", int), "--d-cmax": ("d_channel_max", int),
             "--mbstd-group": ("mbstd_group", int), "--augment": ("augment", str),
             "--diffaugment": ("diffaugment", str)}


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("train", help="train a StyleGAN on a data set",
                              description="Trains G and D; prints a progress line per tick; writes sample grids "
                                          "and a resume point (OUT/resume) that `--resume` continues and "
                                          "`export` turns into a bundle. Multi-GPU: torchrun --nproc_per_node N "
                                          "-m charagen_train train ...")
    p.add_argument("--method", default="gan", choices=("gan", "renderer"),
                   help="gan: adversarial StyleGAN training (default); renderer: the label-supervised sprite "
                        "renderer (training/README.md)")
    p.add_argument("--data", required=True, metavar="DIR|lpc:DIR",
                   help="a data set folder from build-sprites/build-portraits, or lpc:PATH to compose walk "
                        "sheets from LPC layers on the fly")
    p.add_argument("--out", required=True, type=Path, metavar="RUN_DIR", help="the run folder")
    p.add_argument("--config", default="sprite", help=f"preset: {', '.join(configs.PRESETS)} (default sprite)")
    p.add_argument("--kimg", type=float, default=1000.0, help="stop at this many thousand real images in all")
    p.add_argument("--minutes", type=float, help="stop after this many minutes of this call")
    p.add_argument("--resume", type=Path, metavar="DIR", help="continue from a resume point (e.g. RUN_DIR/resume)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--device", default="cpu", metavar="cpu|gpu")
    p.add_argument("--no-amp", action="store_true", help="train in float32 on the GPU too")
    p.add_argument("--workers", type=int, default=2, help="loader processes for lpc: data (default 2)")
    p.add_argument("--processes", type=int, default=1,
                   help="--method renderer: train in this many processes on this machine, one core each, the "
                        "batch split between them and the gradients averaged (default 1)")
    p.add_argument("--tick-kimg", type=float, default=1.0)
    p.add_argument("--grid-kimg", type=float, default=50.0)
    p.add_argument("--snapshot-kimg", type=float, default=50.0)
    p.add_argument("--resume-dtype", default="float32", choices=("float32", "float16"),
                   help="weights of the resume point (float16 halves it, for small transfer limits)")
    p.add_argument("--force", action="store_true", help="train into a run folder that already holds a run")
    for flag, (field, kind) in OVERRIDES.items():
        p.add_argument(flag, type=kind, dest="set_" + field, help=f"override the preset's {field}")
    renderer_command.add_arguments(p)
    return p


def run(args) -> int:
    if args.processes != 1 and "WORLD_SIZE" not in os.environ:
        if args.method != "renderer":
            raise UsageError("--processes is for --method renderer; GAN training on several GPUs goes through "
                             "torchrun --nproc_per_node N -m charagen_train train ...")
        return run_in_processes(without_processes_flag(args.argv), args.processes)
    if args.method == "renderer":
        return renderer_command.run(args, OVERRIDES)
    if args.seed == HELDOUT_SEED and args.data.startswith(LPC_PREFIX):
        raise UsageError(f"--seed {HELDOUT_SEED} is the held-out composer seed; train on another")
    config = configs.preset(args.config)
    changes = {field: getattr(args, "set_" + field) for field, _ in OVERRIDES.values()
               if getattr(args, "set_" + field) is not None}
    if args.resume and changes:
        raise UsageError(f"--resume continues the run's own configuration; drop {sorted(changes)}")
    config = dataclasses.replace(config, **changes)
    config.check()
    if args.resume is None and (args.out / "resume").exists() and not args.force:
        raise CharagenError(f"{args.out} already holds a run; pass --resume {args.out / 'resume'} to continue it "
                            "or --force to start over there")
    if args.kimg <= 0 or (args.minutes is not None and args.minutes <= 0):
        raise UsageError("--kimg and --minutes must be positive")
    options = TrainingOptions(data=args.data, out=args.out, config=config, kimg=args.kimg, minutes=args.minutes,
                              resume=args.resume, seed=args.seed, device=args.device, amp=not args.no_amp,
                              workers=args.workers, tick_kimg=args.tick_kimg, grid_kimg=args.grid_kimg,
                              snapshot_kimg=args.snapshot_kimg, resume_dtype=args.resume_dtype)
    train(options)
    return 0
