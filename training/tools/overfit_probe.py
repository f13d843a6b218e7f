"""Capacity probe for the renderer: can its synthesis network draw a few characters crisply at all?

Continues a renderer resume point on a fixed set of N characters only (composer seed 1, samples
0..N-1, mixes and edits as in training) and prints, every few hundred steps, the share of figure
pixels within CIE dE 10 on those same characters. If it climbs towards 1, the network can draw
sharp LPC sheets and the full run is limited by training time; if it stalls far below, the
architecture (channels at 128 and 256 px) is what limits crispness. With --widen-base (and
--widen-max) the synthesis network is first widened to that channel_base / channel_max without
changing what it draws (render/widen.py), so a wider network can be compared with the narrow one
from the same point at equal CPU time.

    PYTHONPATH=training GLIBC_TUNABLES=glibc.malloc.hugetlb=1 /usr/bin/python3 \
        training/tools/overfit_probe.py --resume runs/sprite/resume --lpc ../shared/lpc --minutes 40
"""

import argparse
import time
from pathlib import Path

import numpy as np
import torch

from charagen_train import images
from charagen_train.data.lpc_catalogue import load_catalogue
from charagen_train.data.sprite_composer import SpriteComposer
from charagen_train.evaluate.heldout import HeldOut, score as heldout_score
from charagen_train.render.labels import Vocabulary
from charagen_train.render.model import RendererModel, figure_loss
from charagen_train.render.samples import SampleDrawer
from charagen_train.render.widen import widen_renderer
from charagen_train.train.resume import ResumePoint


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--resume", type=Path, required=True)
    p.add_argument("--lpc", type=Path, required=True)
    p.add_argument("--count", type=int, default=16)
    p.add_argument("--batch", type=int, default=4)
    p.add_argument("--lr", type=float, default=0.001)
    p.add_argument("--embed-lr", type=float, default=0.003)
    p.add_argument("--minutes", type=float, default=40)
    p.add_argument("--every", type=int, default=200)
    p.add_argument("--grid", type=Path)
    p.add_argument("--widen-base", type=int, help="widen the synthesis network to this channel_base first")
    p.add_argument("--widen-max", type=int, default=256)
    a = p.parse_args()
    torch.set_num_threads(1)
    point = ResumePoint.read(a.resume)
    cfg = point.state["config"]
    model = RendererModel.from_point(point, "R")
    if a.widen_base:
        model = widen_renderer(model, point.state["generator"]["kwargs"], a.widen_base, a.widen_max)
    model.train()
    catalogue = load_catalogue(a.lpc)
    vocabulary = Vocabulary.from_json(point.state["vocabulary"])
    drawer = SampleDrawer(SpriteComposer(a.lpc, catalogue), vocabulary, 1, cfg["mix_prob"], cfg["edit_prob"])
    fixed = drawer.batch(0, a.count)
    truth = ((fixed.target.permute(0, 2, 3, 1).numpy() + 1) * 127.5).round().astype(np.uint8)
    masks = fixed.figure[:, 0].numpy() > 0.5
    opt = torch.optim.Adam([{"params": list(model.G.synthesis.parameters()), "lr": a.lr},
                            {"params": list(model.encoder.parameters()), "lr": a.embed_lr}],
                           betas=tuple(cfg["betas"]), eps=1e-8)

    def ws_of(idx):
        pick = lambda xs: [xs[i] for i in idx]
        return model.ws(pick(fixed.shapes_a), pick(fixed.colours_a), pick(fixed.shapes_b), pick(fixed.colours_b),
                        edits=pick(fixed.edits))

    def score():
        with torch.no_grad():
            drawn = images.to_uint8(model.draw(ws_of(range(a.count))).numpy())
        s = heldout_score(drawn, HeldOut(truth, masks, []))
        return s["iou_median"], s["de10_median"], drawn

    started, cpu0, step = time.time(), time.process_time(), 0
    rng = np.random.default_rng(0)
    iou, de, _ = score()
    print(f"step 0  IoU {iou:.3f}  dE<=10 {de:.3f}", flush=True)
    while time.time() - started < a.minutes * 60:
        idx = rng.choice(a.count, a.batch, replace=False)
        loss = figure_loss(model.draw(ws_of(idx)), fixed.target[idx], fixed.figure[idx], cfg["background_weight"])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        step += 1
        if step % a.every == 0:
            iou, de, drawn = score()
            print(f"step {step}  sheets {step * a.batch}  CPU-h {(time.process_time() - cpu0) / 3600:.3f}  "
                  f"loss {float(loss):.4f}  IoU {iou:.3f}  dE<=10 {de:.3f}", flush=True)
    if a.grid:
        _, _, drawn = score()
        images.save_png(a.grid, images.grid(np.concatenate([truth[:8], drawn[:8]]), 8), overwrite=True)


if __name__ == "__main__":
    main()
