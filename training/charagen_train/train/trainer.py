"""The training loop: alternating G and D steps with the non-saturating loss, lazy R1, the
StyleGAN3 discriminator blur schedule, G EMA, progress lines, sample grids and resume points."""

import copy
import dataclasses
import json
import math
import signal
import sys
import time
from pathlib import Path
from typing import Callable, Optional

import numpy as np
import torch

from .. import images, nets
from ..errors import UsageError
from ..latent import z_for_seed
from . import distributed
from .augment import augment
from .blur import blur_sigma
from .config import TrainingConfig
from .data_source import check_resolution, open_source, to_training_images
from .ema import update_ema
from .loss import StyleGanLoss, TrainingGenerator
from .precision import Precision, autocast_factory
from .resume import ResumePoint


@dataclasses.dataclass
class TrainingOptions:
    data: str                           # a data set folder, or lpc:PATH
    out: Path                           # the run folder: config, log, grids, resume/
    config: TrainingConfig
    kimg: float = 1000.0                # stop after this many thousand real images (in total, over resumes)
    minutes: Optional[float] = None     # or after this much wall time in this call
    resume: Optional[Path] = None
    seed: int = 0
    device: str = "cpu"
    amp: bool = True
    workers: int = 2                    # loader processes for lpc: data
    tick_kimg: float = 1.0              # a progress line every this many kimg (and at least every minute)
    grid_kimg: float = 50.0
    snapshot_kimg: float = 50.0
    grid_count: int = 32
    resume_dtype: str = "float32"


def train(options: TrainingOptions, log: Callable[[str], None] = None) -> dict:
    """Trains until kimg or minutes is reached, or until SIGINT/SIGTERM; then writes the resume
    point. Returns the final statistics."""
    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    world = distributed.join(options.device)
    try:
        return TrainingRun(options, world, log).loop()
    finally:
        world.close()


class TrainingRun:
    """One training run in this process: the networks, optimisers, data and loss; step() trains
    on one batch, loop() until the stopping rule, writing grids and resume points."""

    def __init__(self, options: TrainingOptions, world, log):
        self.options, self.world = options, world
        self.log = log if world.main else (lambda line: None)
        point = ResumePoint.read(options.resume) if options.resume else None
        config = TrainingConfig.from_json(point.state["config"]) if point else options.config
        config.check()
        self.config = config.resolved()
        if self.config.batch % world.size:
            raise UsageError(f"batch {self.config.batch} does not split evenly over {world.size} processes")
        self.batch_gpu = self.config.batch // world.size
        device = world.device

        torch.manual_seed(options.seed)  # the same initial networks in every process
        self.G = nets.build_generator(self.config.architecture, self.config.generator_kwargs()).train().to(device)
        self.D = nets.build_discriminator(self.config.discriminator_kwargs()).train().to(device)
        self.G_ema = copy.deepcopy(self.G).eval().requires_grad_(False)
        # Lazy regularisation (StyleGAN2 appendix B): D's Adam is re-tuned for the R1 steps it also takes.
        ratio = self.config.r1_interval / (self.config.r1_interval + 1)
        self.opt_G = torch.optim.Adam(self.G.parameters(), lr=self.config.g_lr, betas=(0, 0.99), eps=1e-8)
        self.opt_D = torch.optim.Adam(self.D.parameters(), lr=self.config.d_lr * ratio,
                                      betas=(0, 0.99 ** ratio), eps=1e-8)
        self.cur_nimg, self.d_steps, self.elapsed, self.cpu_elapsed = 0, 0, 0.0, 0.0
        self.history = []
        if point:
            point.restore(self.G, self.D, self.G_ema, self.opt_G, self.opt_D)
            self.cur_nimg = int(point.state["cur_nimg"])
            self.d_steps = int(point.state.get("d_steps", 0))
            self.elapsed = float(point.state.get("training_seconds", 0.0))
            self.cpu_elapsed = float(point.state.get("cpu_seconds", 0.0))
            self.history = list(point.state.get("history", []))
        torch.manual_seed(options.seed * 7919 + world.rank + self.cur_nimg)  # noise and z differ per process

        self.source = open_source(options.data, options.seed, world.rank, world.size, self.batch_gpu,
                                  options.workers, start=self.cur_nimg)
        check_resolution(self.source.resolution, self.config.resolution, options.data)
        self.data_meta = self.source.meta
        self.layout = self.data_meta.get("layout")
        if self.config.augment == "sheet-mirror" and not self.layout:
            raise UsageError(f"--augment sheet-mirror: the data ({options.data}) has no sheet layout to keep")
        self.augment_rng = torch.Generator().manual_seed(options.seed * 31 + world.rank + self.cur_nimg)

        self.precision = Precision(device, options.amp)
        self.scaler_G, self.scaler_D = self.precision.scaler(), self.precision.scaler()
        self.trainee = TrainingGenerator(self.G, self.config.style_mixing_prob)
        self.loss = StyleGanLoss(world.wrap(self.trainee), world.wrap(self.D), self.trainee, self.D,
                                 self.config, autocast_factory(self.precision))
        self.c = torch.zeros(self.batch_gpu, 0, device=device)
        self.stop_requested = False

    # ---- one step -----------------------------------------------------------------------
    def step(self) -> dict:
        cfg, device = self.config, self.world.device
        sigma = blur_sigma(self.cur_nimg, cfg.blur_init_sigma, cfg.blur_fade_kimg)
        real = to_training_images(self.source.next_uint8(self.batch_gpu), cfg.resolution, device,
                                  self.source.resolution)
        real = augment(real, cfg.augment, self.layout, self.augment_rng)
        stats = {"blur": sigma}

        # G: non-saturating loss through a frozen D.
        self.G.requires_grad_(True)
        self.D.requires_grad_(False)
        self.opt_G.zero_grad(set_to_none=True)
        z = torch.randn(self.batch_gpu, cfg.z_dim, device=device)
        loss_g = self.loss.generator_loss(z, self.c, sigma)
        self._backward_and_step(loss_g, self.G, self.opt_G, self.scaler_G)
        stats["loss_G"] = loss_g.detach()

        # D: generated images pushed down, real ones up (each part backward on its own, as DDP wants).
        self.G.requires_grad_(False)
        self.D.requires_grad_(True)
        self.opt_D.zero_grad(set_to_none=True)
        z = torch.randn(self.batch_gpu, cfg.z_dim, device=device)
        loss_fake, loss_real, fake_logits, real_logits = self.loss.discriminator_losses(
            z, self.c, real, sigma, backward=lambda loss: self.scaler_D.scale(loss).backward())
        self._clean_and_step(self.D, self.opt_D, self.scaler_D)
        stats.update(loss_D=(loss_fake + loss_real).detach(), score_real=real_logits.mean(),
                     score_fake=fake_logits.mean())

        # Lazy R1 on real images, in float32.
        self.d_steps += 1
        if self.d_steps % cfg.r1_interval == 0:
            self.opt_D.zero_grad(set_to_none=True)
            loss_r1, penalty = self.loss.r1_loss(real, self.c, sigma)
            loss_r1.backward()
            self._clean_and_step(self.D, self.opt_D, None)
            stats["r1"] = penalty
        self.D.requires_grad_(False)

        self.cur_nimg += cfg.batch
        stats["ema_beta"] = update_ema(self.G_ema, self.G, cfg.batch, self.cur_nimg, cfg.ema_kimg, cfg.ema_rampup)
        return stats

    def _backward_and_step(self, loss, module, optimizer, scaler):
        scaler.scale(loss).backward()
        self._clean_and_step(module, optimizer, scaler)

    @staticmethod
    def _clean_and_step(module, optimizer, scaler):
        if scaler is not None:
            scaler.unscale_(optimizer)
        for p in module.parameters():
            if p.grad is not None:
                torch.nan_to_num_(p.grad, nan=0, posinf=1e5, neginf=-1e5)
        if scaler is None:
            optimizer.step()
        else:
            scaler.step(optimizer)
            scaler.update()

    # ---- the loop -----------------------------------------------------------------------
    def loop(self) -> dict:
        opts, cfg = self.options, self.config
        out = Path(opts.out)
        if self.world.main:
            out.mkdir(parents=True, exist_ok=True)
            (out / "config.json").write_text(json.dumps(cfg.to_json(), indent=2) + "\n")
        self.log(f"charagen-train: {cfg.architecture} {cfg.resolution}px, G {parameter_count(self.G)} / "
                 f"D {parameter_count(self.D)} parameters, batch {cfg.batch} on {self.world.size} x {self.world.device.type} "
                 f"({self.precision.name}), data {self.source.description}, from kimg {self.cur_nimg / 1e3:.1f}")
        previous = {signum: signal.signal(signum, self._request_stop) for signum in (signal.SIGINT, signal.SIGTERM)}
        self.started, self.cpu_started = time.time(), time.process_time()
        tick_start, tick_nimg, sums, counts = time.time(), self.cur_nimg, {}, {}
        next_grid = next_multiple(self.cur_nimg, opts.grid_kimg)
        next_snapshot = next_multiple(self.cur_nimg, opts.snapshot_kimg)
        if self.cur_nimg == 0:
            self._grid()
        try:
            while True:
                for key, value in self.step().items():
                    # Summed as tensors: reading them out each step would stall the GPU.
                    sums[key] = sums.get(key, 0.0) + (value.detach() if torch.is_tensor(value) else value)
                    counts[key] = counts.get(key, 0) + 1
                done = self.cur_nimg >= opts.kimg * 1000  # the same in every process
                out_of_time = opts.minutes is not None and time.time() - self.started >= opts.minutes * 60
                stop = done or self._any_process(out_of_time or self.stop_requested)
                now = time.time()
                if stop or self.cur_nimg - tick_nimg >= opts.tick_kimg * 1000 or now - tick_start >= 60:
                    means = {k: float(sums[k]) / counts[k] for k in sums}
                    self._progress(means, (self.cur_nimg - tick_nimg) / 1e3 / max(now - tick_start, 1e-9))
                    self.history = (self.history + [{"kimg": round(self.cur_nimg / 1e3, 3), **_rounded(means)}])[-50:]
                    tick_start, tick_nimg, sums, counts = now, self.cur_nimg, {}, {}
                if self.cur_nimg >= next_grid or stop:
                    self._grid()
                    next_grid = next_multiple(self.cur_nimg, opts.grid_kimg)
                if self.cur_nimg >= next_snapshot and not stop:
                    self._save(time.time() - self.started)
                    next_snapshot = next_multiple(self.cur_nimg, opts.snapshot_kimg)
                if stop:
                    break
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            self.source.close()
        self._save(time.time() - self.started)
        final = {"kimg": self.cur_nimg / 1e3, **(self.history[-1] if self.history else {})}
        self.log(f"charagen-train: stopped at kimg {self.cur_nimg / 1e3:.2f}; resume point {out / 'resume'}")
        return final

    def _request_stop(self, signum, frame):
        self.stop_requested = True
        self.log("charagen-train: stopping after this step (the resume point will be written)")

    def _any_process(self, wish: bool) -> bool:
        """True in every process when one of them wishes to stop, so that all stop at the same step
        (clocks and signals differ between processes; a lone stopper would hang the others)."""
        if self.world.size == 1:
            return wish
        flag = torch.tensor([1.0 if wish else 0.0], device=self.world.device)
        return bool(self.world.mean(flag).item() > 0)

    def _progress(self, means: dict, kimg_per_s: float):
        def fmt(key):
            return f"{means[key]:.3f}" if key in means else "-"
        minutes, seconds = divmod(int(time.time() - self.started), 60)
        self.log(f"kimg {self.cur_nimg / 1e3:9.3f}  kimg/s {kimg_per_s:7.4f}  time {minutes:3d}m{seconds:02d}s  "
                 f"loss G {fmt('loss_G')}  "
                 f"D {fmt('loss_D')}  R1 {fmt('r1')}  scores real {fmt('score_real')} fake {fmt('score_fake')}  "
                 f"blur {means.get('blur', 0):.2f}")
        if self.world.main:
            with open(Path(self.options.out) / "log.jsonl", "a") as f:
                f.write(json.dumps({"kimg": self.cur_nimg / 1e3, "kimg_per_s": kimg_per_s, **_rounded(means)}) + "\n")

    @torch.no_grad()
    def _grid(self):
        if not self.world.main:
            return
        count = self.options.grid_count
        z = torch.from_numpy(np.concatenate([z_for_seed(s, self.config.z_dim) for s in range(count)])).float()
        parts = []
        for chunk in z.split(max(self.batch_gpu, 1)):
            chunk = chunk.to(self.world.device)
            c = torch.zeros(len(chunk), 0, device=self.world.device)
            parts.append(self.G_ema(chunk, c, noise_mode="const").float().cpu().numpy())
        path = Path(self.options.out) / f"grid-{self.cur_nimg / 1000:09.3f}kimg.png"
        images.save_png(path, images.grid(images.to_uint8(np.concatenate(parts)), 8), overwrite=True)

    def _save(self, seconds_this_call: float):
        if not self.world.main:
            self.world.barrier()
            return
        state = {
            "config": self.config.to_json(),
            "generator": {"architecture": self.G.architecture, "kwargs": self.G.init_kwargs},
            "discriminator": {"kwargs": self.config.discriminator_kwargs()},
            "cur_nimg": self.cur_nimg, "d_steps": self.d_steps,
            "training_seconds": self.elapsed + seconds_this_call,
            "cpu_seconds": self.cpu_elapsed + time.process_time() - self.cpu_started,  # this process, all threads
            "seed": self.options.seed, "data": {"source": self.source.description, "meta": self.data_meta},
            "history": self.history, "torch": torch.__version__,
        }
        point = ResumePoint.capture(state, self.G, self.D, self.G_ema, self.opt_G, self.opt_D,
                                    self.options.resume_dtype)
        point.write(Path(self.options.out) / "resume")
        self.world.barrier()


def parameter_count(module) -> str:
    """The module's trainable parameters, in millions, for progress lines and benchmarks."""
    n = sum(p.numel() for p in module.parameters())
    return f"{n / 1e6:.2f} M"


def next_multiple(nimg: int, kimg: float) -> float:
    step = max(kimg * 1000, 1)
    return (math.floor(nimg / step) + 1) * step


def _rounded(values: dict) -> dict:
    return {k: round(float(v), 5) for k, v in values.items()}
