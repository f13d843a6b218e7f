"""Training loop of the label-supervised renderer: each step composes a batch of characters (some
mixed), encodes their tokens into W+, draws the sheets and takes an Adam step on the figure-
normalised pixel loss. Progress lines, held-out scores, grids and resume points as the GAN trainer
writes them, plus the CPU time, so that methods can be compared by quality per CPU-hour.

In a process group (`train --processes N`) each process draws its own share of the batch and the
gradients are averaged before every optimiser step, so all processes hold the same networks; the
first one scores, draws grids and writes the resume point."""

import copy
import dataclasses
import json
import signal
import sys
import time
from pathlib import Path
from typing import Callable, Optional

import numpy as np
import torch

from ..errors import CharagenError, UsageError
from ..evaluate.heldout import HELDOUT_SEED
from ..train import distributed
from ..train.ema import update_ema
from ..train.resume import ResumePoint
from ..train.trainer import next_multiple, parameter_count
from .config import RendererConfig
from .model import RendererModel, edge_loss, figure_loss, figure_weight
from .noise_maps import learn_noise_maps
from .palette import load_all_but_output_layers, palette_loss
from .patch_discriminator import PatchDiscriminator, discriminator_term, generator_term


@dataclasses.dataclass
class RendererOptions:
    lpc: Optional[Path]                 # the LPC layers (sprites); portraits are drawn by DiceBear
    out: Path
    config: RendererConfig
    kimg: float = 1000.0
    minutes: Optional[float] = None
    resume: Optional[Path] = None
    seed: int = 1                       # composer seed of the training characters
    threads: Optional[int] = None       # torch threads (default: torch's own)
    tick_kimg: float = 0.25
    eval_kimg: float = 1.0              # held-out score every this many kimg
    eval_count: int = 16
    grid_kimg: float = 5.0
    snapshot_kimg: float = 5.0
    resume_dtype: str = "float32"
    changes: dict = dataclasses.field(default_factory=dict)  # sample-drawing settings changed on resume
    node: str = "node"                  # Node.js, for the portrait subject's DiceBear worker


def train_renderer(options: RendererOptions, log: Callable[[str], None] = None) -> dict:
    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    world = distributed.join("cpu")
    run = None
    try:
        run = RendererRun(options, log, world)
        return run.loop()
    finally:
        if run is not None:
            run.subject.close()
        world.close()


class RendererRun:
    def __init__(self, options: RendererOptions, log, world: Optional[distributed.World] = None):
        self.world = world or distributed.World(0, 1, torch.device("cpu"))
        self.options, self.log = options, log if self.world.main else (lambda line: None)
        if options.seed == HELDOUT_SEED:
            raise UsageError(f"--seed {HELDOUT_SEED} is the held-out composer seed; train on another")
        if options.threads:
            torch.set_num_threads(options.threads)
        point = ResumePoint.read(options.resume) if options.resume else None
        if point and point.state.get("method") != "renderer":
            raise CharagenError(f"{options.resume}: not a renderer run (method {point.state.get('method', 'gan')})")
        self.config = RendererConfig.from_json(point.state["config"]) if point else options.config
        if point and options.changes:
            learned = point.state["config"].get("learned_noise_from", 0)
            if learned and options.changes.get("learned_noise_from", learned) != learned:
                raise UsageError(f"{options.resume}: its noise maps are learned from {learned} px on; that "
                                 "cannot change on resume")
            self.config = dataclasses.replace(self.config, **options.changes)
        self.config.check()
        self.local_batch = self._share(self.config.batch, "batch")
        self.local_palette_batch = self._share(self.config.palette_batch, "palette_batch")
        self.subject = make_subject(self.config, options, point.state["vocabulary"] if point else None)
        self.vocabulary = self.subject.vocabulary

        torch.manual_seed(options.seed)
        cfg = self.config
        self.model = RendererModel(cfg.generator_kwargs(), len(self.vocabulary.shapes), len(self.vocabulary.colours),
                                   cfg.colour_from, cfg.output, cfg.b_rows(), cfg.c_rows()).train()
        self.model_ema = copy.deepcopy(self.model).eval()
        # An rgb run switched to the palette output keeps every weight but the output layers (palette.py).
        switching_output = point is not None and point.state["config"].get("output", "rgb") != cfg.output
        if switching_output:
            if cfg.output != "palette":
                raise UsageError(f"{options.resume}: a palette-output run cannot go back to rgb")
            for prefix, module in (("R", self.model), ("R_ema", self.model_ema)):
                kept = load_all_but_output_layers(module, point.module_state(prefix))
            self.log(f"charagen-train: output rgb -> palette; {kept} tensors kept, the output layers and the "
                     "palette head start afresh, and so does Adam")
        elif point:
            point.restore_modules({"R": self.model, "R_ema": self.model_ema}, {})
        # After the weights: switching the maps on premultiplies them by the strengths they were trained with.
        maps = []
        if cfg.learned_noise_from:
            maps = learn_noise_maps(self.model.G.synthesis, cfg.learned_noise_from)
            learn_noise_maps(self.model_ema.G.synthesis, cfg.learned_noise_from)
        # The maps go last, in a group of their own, so the other parameters keep the order their
        # stored Adam moments are indexed by.
        is_map = {id(m) for m in maps}
        groups = [{"params": [p for p in self.model.G.synthesis.parameters() if id(p) not in is_map], "lr": cfg.g_lr},
                  {"params": list(self.model.encoder.parameters()), "lr": cfg.embed_lr}]
        if self.model.palette is not None:
            groups.append({"params": list(self.model.palette.parameters()), "lr": cfg.palette_lr})
        if maps:
            groups.append({"params": maps, "lr": cfg.noise_lr})
        self.opt = torch.optim.Adam(groups, betas=cfg.betas, eps=1e-8)
        # The palette head's own steps (_palette_steps) have their own Adam.
        self.opt_palette = (torch.optim.Adam(self.model.palette.parameters(), lr=cfg.palette_lr, betas=cfg.betas)
                            if self.model.palette is not None else None)
        self.model.G.mapping.requires_grad_(False)  # fitted after the synthesis network (mapping_fit.py)
        self.model_ema.requires_grad_(False)  # after the maps: they are new parameters
        # The optional patch discriminator (a run may add it on resume; it then starts fresh).
        has_patch = point is not None and "D_patch/net.0.weight" in point.tensors
        self.D = PatchDiscriminator() if cfg.adv_weight > 0 or has_patch else None
        self.opt_D = torch.optim.Adam(self.D.parameters(), lr=cfg.d_lr, betas=(0.5, 0.99)) if self.D else None
        self.cur_nimg, self.elapsed, self.cpu_seconds, self.history = 0, 0.0, 0.0, []
        if point:
            if not switching_output:
                point.restore_modules({}, {"opt": self.opt})
            if self.opt_palette is not None and "opt_palette" in point.state.get("optimizer_steps", {}):
                point.restore_modules({}, {"opt_palette": self.opt_palette})
            if has_patch:
                point.restore_modules({"D_patch": self.D}, {"opt_D_patch": self.opt_D})
            self.cur_nimg = int(point.state["cur_nimg"])
            self.elapsed = float(point.state.get("training_seconds", 0.0))
            self.cpu_seconds = float(point.state.get("cpu_seconds", 0.0))
            self.history = list(point.state.get("history", []))
            if options.changes:
                self.history.append({"kimg": round(self.cur_nimg / 1e3, 3), "config_changes": options.changes})
        self.drawer = self.subject.drawer
        self.pool = self.drawer.palette_pool(cfg.palette_pool) if cfg.output == "palette" and cfg.palette_steps else None
        # Scores and grids draw with the EMA model through its own inverse, as `evaluate` sees it.
        self.subject.follow(self.model_ema)
        self.rng = torch.Generator().manual_seed(options.seed * 7919 + self.cur_nimg + 1_000_003 * self.world.rank)
        self.stop_requested = False

    def _share(self, total: int, name: str) -> int:
        if total % self.world.size:
            raise UsageError(f"{name} {total} does not split evenly over {self.world.size} processes")
        return total // self.world.size

    def step(self) -> dict:
        cfg = self.config
        n = self.local_batch  # this process's share: samples cur_nimg + rank * n onwards
        b = self.drawer.batch(self.cur_nimg + self.world.rank * n, n)
        psi = torch.ones(n)
        pulled = torch.rand(n, generator=self.rng) < cfg.psi_prob
        psi[pulled] = cfg.psi_min + (1 - cfg.psi_min) * torch.rand(int(pulled.sum()), generator=self.rng)
        alpha = torch.zeros(n)
        blended = torch.rand(n, generator=self.rng) < cfg.blend_prob
        alpha[blended] = cfg.blend_max * torch.rand(int(blended.sum()), generator=self.rng)
        ws = self.model.ws(b.shapes_a, b.colours_a, b.shapes_b, b.colours_b, psi=psi, update_w_avg=True,
                           blend=(b.shapes_p, b.colours_p, alpha) if cfg.blend_prob > 0 else None,
                           edits=b.edits, shapes_c=b.shapes_c, colours_c=b.colours_c)
        drawn = self.model.draw(ws)
        if cfg.output == "palette":
            t = b.palette
            terms = palette_loss(drawn, self.model.palette(ws), t["slot"], t["shade"], t["colours"], t["present"],
                                 figure_weight(b.figure, cfg.background_weight))
            loss = terms["slot"] + cfg.shade_weight * terms["shade"] + terms["palette"]
            stats = {"loss": float(loss.detach()), **{k: float(v.detach()) for k, v in terms.items()}}
        else:
            loss = figure_loss(drawn, b.target, b.figure, cfg.background_weight)
            stats = {"loss": float(loss.detach())}
        total = loss
        if cfg.edge_weight > 0:
            edges = edge_loss(drawn, b.target, b.figure, cfg.background_weight)
            total = total + cfg.edge_weight * edges
            stats["edge"] = float(edges.detach())
        if cfg.adv_weight > 0:
            self.D.requires_grad_(False)
            adversarial = generator_term(self.D(drawn))
            total = total + cfg.adv_weight * adversarial
            stats["adv"] = float(adversarial.detach())
        self.opt.zero_grad(set_to_none=True)
        total.backward()
        self.world.average_gradients(p for group in self.opt.param_groups for p in group["params"])
        self.opt.step()
        self.world.average_([self.model.encoder.w_avg])  # each process tracked its own samples' mean
        if cfg.adv_weight > 0:
            self.D.requires_grad_(True)
            d_loss = discriminator_term(self.D(drawn.detach()), self.D(b.target))
            self.opt_D.zero_grad(set_to_none=True)
            d_loss.backward()
            self.world.average_gradients(self.D.parameters())
            self.opt_D.step()
            stats["loss_D"] = float(d_loss.detach())
        if cfg.output == "palette":
            stats["palette_pool"] = self._palette_steps()
        self.cur_nimg += cfg.batch
        update_ema(self.model_ema, self.model, cfg.batch, self.cur_nimg, cfg.ema_kimg, 0.05)
        return stats

    def _palette_steps(self) -> float:
        """Steps of the palette head alone, on characters of its pool and their current ws (detached):
        a palette lookup costs a thousandth of a drawn sheet, and the head needs far more steps than
        the network (measured: the head of a 220 kimg point, 1500 such steps, held-out palette loss
        0.46 -> 0.10). Returns the last step's loss."""
        cfg = self.config
        loss = 0.0
        for _ in range(cfg.palette_steps):
            sa, ca, sb, cb, colours, present = self.pool.take(
                torch.randint(0, len(self.pool.colours), (self.local_palette_batch,), generator=self.rng))
            with torch.no_grad():
                ws = self.model.ws(sa, ca, sb, cb)
            d = (self.model.palette(ws) - colours)[present]
            term = (d.abs() + d.square()).sum(-1).mean()
            self.opt_palette.zero_grad(set_to_none=True)
            term.backward()
            self.world.average_gradients(self.model.palette.parameters())
            self.opt_palette.step()
            loss = float(term.detach())
        return loss

    def evaluate(self) -> dict:
        """The subject's held-out figures for a progress line."""
        return self.subject.evaluate(self.options.eval_count)

    def loop(self) -> dict:
        opts = self.options
        out = Path(opts.out)
        out.mkdir(parents=True, exist_ok=True)
        self.log(f"charagen-train: renderer ({self.subject.kind}), stylegan2 {self.config.resolution}px cbase "
                 f"{self.config.channel_base} cmax {self.config.channel_max}, "
                 f"{parameter_count(self.model.G.synthesis)} synthesis parameters, "
                 f"{len(self.vocabulary.shapes)} shape + {len(self.vocabulary.colours)} colour "
                 f"tokens, batch {self.config.batch}, {self._processes()}{torch.get_num_threads()} threads, "
                 f"from kimg {self.cur_nimg / 1e3:.2f}")
        previous = {s: signal.signal(s, self._request_stop) for s in (signal.SIGINT, signal.SIGTERM)}
        started, cpu_started = time.time(), time.process_time()
        tick_start, tick_nimg, losses, edges, adversarial = time.time(), self.cur_nimg, [], [], []
        terms = {}
        next_eval = next_multiple(self.cur_nimg, opts.eval_kimg) if self.cur_nimg else 0
        next_grid = next_multiple(self.cur_nimg, opts.grid_kimg) if self.cur_nimg else 0
        next_snapshot = next_multiple(self.cur_nimg, opts.snapshot_kimg)
        try:
            while True:
                stats = self.step()
                losses.append(stats["loss"])
                if "edge" in stats:
                    edges.append(stats["edge"])
                if "adv" in stats:
                    adversarial.append((stats["adv"], stats["loss_D"]))
                for name in ("slot", "shade", "palette", "palette_pool"):
                    if name in stats:
                        terms.setdefault(name, []).append(stats[name])
                now = time.time()
                # Every process stops at the same step (one that alone stopped would leave the others waiting).
                stop = self.world.any(self.cur_nimg >= opts.kimg * 1000 or self.stop_requested
                                      or (opts.minutes is not None and now - started >= opts.minutes * 60))
                if stop or self.cur_nimg - tick_nimg >= opts.tick_kimg * 1000:
                    cpu = self.cpu_seconds + self.world.sum(time.process_time() - cpu_started)
                    entry = {"kimg": round(self.cur_nimg / 1e3, 3), "loss": round(self._mean(losses), 5),
                             "kimg_per_h": round((self.cur_nimg - tick_nimg) / 1e3 / max(now - tick_start, 1e-9) * 3600, 2),
                             "cpu_hours": round(cpu / 3600, 4),
                             "wall_hours": round((self.elapsed + now - started) / 3600, 4)}
                    if self.world.size > 1:
                        entry["processes"] = self.world.size
                    if edges:
                        entry.update(edge=round(self._mean(edges), 5))
                    entry.update({name: round(self._mean(v), 5) for name, v in terms.items()})
                    if adversarial:
                        entry.update(adv=round(self._mean([a for a, _ in adversarial]), 4),
                                     loss_D=round(self._mean([d for _, d in adversarial]), 4))
                    if stop or self.cur_nimg >= next_eval:
                        if self.world.main:
                            entry.update(self.evaluate())
                        next_eval = next_multiple(self.cur_nimg, opts.eval_kimg)
                    self._record(entry)
                    tick_start, tick_nimg, losses, edges, adversarial = time.time(), self.cur_nimg, [], [], []
                    terms = {}
                if stop or self.cur_nimg >= next_grid:
                    if self.world.main:
                        self._grid()
                    next_grid = next_multiple(self.cur_nimg, opts.grid_kimg)
                if stop or self.cur_nimg >= next_snapshot:
                    cpu = self.world.sum(time.process_time() - cpu_started)
                    self.world.check_same(sum(float(p.double().sum()) for p in self.model.parameters()), "weights")
                    if self.world.main:
                        self._save(time.time() - started, cpu)
                    next_snapshot = next_multiple(self.cur_nimg, opts.snapshot_kimg)
                if stop:
                    break
        finally:
            for s, handler in previous.items():
                signal.signal(s, handler)
        self.world.barrier()  # the others wait for the first process's resume point
        self.log(f"charagen-train: stopped at kimg {self.cur_nimg / 1e3:.2f}; resume point {out / 'resume'}")
        return self.history[-1] if self.history else {}

    def _mean(self, values) -> float:
        """The mean of this tick's values, over all processes."""
        return float(self.world.mean(torch.tensor(float(np.mean(values)))))

    def _processes(self) -> str:
        return f"{self.world.size} processes x " if self.world.size > 1 else ""

    def _request_stop(self, signum, frame):
        self.stop_requested = True
        self.log("charagen-train: stopping after this step (the resume point will be written)")

    def _record(self, entry: dict):
        self.history = (self.history + [entry])[-200:]
        extra = self.subject.describe(entry)
        if "adv" in entry:
            extra = f"  adv {entry['adv']:.3f} D {entry['loss_D']:.3f}" + extra
        if "edge" in entry:
            extra = f"  edge {entry['edge']:.4f}" + extra
        if "slot" in entry:
            extra = (f"  slot {entry['slot']:.4f} shade {entry['shade']:.4f} palette {entry['palette']:.4f}"
                     f" (pool {entry.get('palette_pool', 0):.4f})" + extra)
        self.log(f"kimg {entry['kimg']:8.3f}  kimg/h {entry['kimg_per_h']:6.2f}  CPU-h {entry['cpu_hours']:.3f}  "
                 f"loss {entry['loss']:.4f}{extra}")
        if self.world.main:
            with open(Path(self.options.out) / "log.jsonl", "a") as f:
                f.write(json.dumps(entry) + "\n")

    def _grid(self):
        self.subject.grid(Path(self.options.out) / f"grid-{self.cur_nimg / 1000:09.3f}kimg.png")

    def _save(self, wall: float, cpu: float):
        state = {
            "method": "renderer",
            "config": self.config.to_json(),
            "generator": {"architecture": "stylegan2", "kwargs": self.model.G.init_kwargs},
            "vocabulary": self.vocabulary.to_json(),
            "layer_groups": self.config.layer_groups(),
            "cur_nimg": self.cur_nimg,
            "training_seconds": self.elapsed + wall, "cpu_seconds": self.cpu_seconds + cpu,
            "seed": self.options.seed, "data": self.subject.data(),
            "history": self.history, "torch": torch.__version__,
        }
        modules, optimizers = {"R": self.model, "R_ema": self.model_ema}, {"opt": self.opt}
        if self.opt_palette is not None:
            optimizers["opt_palette"] = self.opt_palette
        if self.D is not None:
            modules["D_patch"], optimizers["opt_D_patch"] = self.D, self.opt_D
        point = ResumePoint.capture_modules(state, modules, optimizers, self.options.resume_dtype)
        point.write(Path(self.options.out) / "resume")


def make_subject(config: RendererConfig, options: RendererOptions, vocabulary: Optional[dict]):
    """The sprite or portrait subject the config names (sprites.py, faces.py)."""
    heldout_count = max(options.eval_count, 16)
    if config.subject == "portrait":
        if options.lpc is not None:
            raise UsageError("a portrait renderer draws DiceBear faces: --data dicebear")
        from .faces import FaceSubject
        return FaceSubject(config, options.seed, vocabulary, heldout_count, options.node)
    if options.lpc is None:
        raise UsageError("a sprite renderer composes LPC sheets: --data lpc:PATH")
    from .sprites import SpriteSubject
    return SpriteSubject(options.lpc, config, options.seed, vocabulary, heldout_count)
