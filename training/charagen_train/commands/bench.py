"""`charagen-train bench`: prints the training throughput (kimg/s) of a configuration and the
CPU time of one sample from its generator, the two figures that choose a model's size; with
`--model`, only the CPU time of one sample (z to image) of a trained model."""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import torch

from ..train import config as configs
from ..errors import UsageError
from ..models import load_generator
from ..train.trainer import TrainingOptions, TrainingRun, parameter_count
from ..train import distributed


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("bench", help="measure training kimg/s and per-sample CPU time of a configuration")
    p.add_argument("--config", default="sprite", help=f"preset: {', '.join(configs.PRESETS)}")
    p.add_argument("--data", help="a data set folder or lpc:PATH (default: random images, compute only)")
    p.add_argument("--device", default="cpu", metavar="cpu|gpu")
    p.add_argument("--steps", type=int, default=20, help="timed training steps (after 3 warm-up steps)")
    p.add_argument("--batch", type=int, help="override the preset's batch")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--samples", type=int, default=5, help="timed single-image CPU samples (0: skip)")
    p.add_argument("--no-amp", action="store_true")
    p.add_argument("--model", type=Path, help="time only sampling from this model (a bundle, a .pkl or a resume "
                                              "folder) instead of a configuration's training")
    return p


def run(args) -> int:
    if args.steps < 1 or args.samples < 0:
        raise UsageError("--steps must be at least 1 and --samples at least 0")
    if args.model:
        generator = load_generator(args.model, torch.device("cpu"))
        count = max(args.samples, 1)
        print(f"{args.model}: sampling on CPU, batch 1, {torch.get_num_threads()} threads, {count} samples: "
              f"{_cpu_ms_per_sample(generator, count):.0f} ms per sample (median)")
        return 0
    config = configs.preset(args.config)
    if args.batch:
        config.batch = args.batch
    data = args.data or f"noise:{config.resolution}"
    if not args.data:
        config.augment = "none"  # random images have no sheet layout; augmentation costs next to nothing
    with tempfile.TemporaryDirectory() as tmp:
        options = TrainingOptions(data=data, out=Path(tmp), config=config, device=args.device,
                                  amp=not args.no_amp, workers=args.workers)
        world = distributed.join(args.device)
        run_ = TrainingRun(options, world, lambda line: None)
        for _ in range(3):
            run_.step()
        _sync(world.device)
        start = time.time()
        for _ in range(args.steps):
            stats = run_.step()
        _sync(world.device)
        seconds = time.time() - start
        kimg_per_s = config.batch * args.steps / seconds / 1e3
        print(f"{args.config}: {config.architecture} {config.resolution}px, G {parameter_count(run_.G)} / D "
              f"{parameter_count(run_.D)} parameters, batch {config.batch}, "
              f"{world.device.type} ({run_.precision.name}), data {data}")
        print(f"training: {kimg_per_s:.3g} kimg/s ({seconds / args.steps * 1000:.0f} ms per step; "
              f"loss G {float(stats['loss_G']):.3f}, D {float(stats['loss_D']):.3f})")
        run_.source.close()
        if args.samples > 0:
            print(f"sampling on CPU, batch 1, {torch.get_num_threads()} threads: "
                  f"{_cpu_ms_per_sample(run_.G_ema, args.samples):.0f} ms per sample (median)")
    return 0


@torch.no_grad()
def _cpu_ms_per_sample(generator, count: int) -> float:
    G = generator.to("cpu").eval()
    z = torch.randn(1, G.z_dim)
    c = torch.zeros(1, 0)
    G(z, c, noise_mode="const")
    times = []
    for _ in range(count):
        start = time.perf_counter()
        G(z, c, noise_mode="const")
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()
