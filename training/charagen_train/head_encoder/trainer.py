"""Training the head encoder: cross-entropy of every head's class logits on composed and model-drawn
samples, Adam, mirrored frames (left and right views swapped) and a small colour shift per sample
(the Java clean-up's palette reduction moves colours by a few levels)."""
import time
from typing import Callable, Dict, Optional

import numpy as np
import torch
from torch.nn import functional as F

from . import inputs
from .net import HeadEncoderNet
from .pairing import HEADS
from .samples import Samples, accuracy

COLOUR_SHIFT = 6
LEFT, RIGHT = inputs.FRAMES.index("left"), inputs.FRAMES.index("right")


def augment(tops: np.ndarray, rng: np.random.RandomState) -> np.ndarray:
    """uint8 [N, 4, ROWS, 48, 4]: half the samples mirrored (each frame flipped, left and right swapped),
    every sample's figure colours shifted by up to COLOUR_SHIFT levels per channel."""
    out = tops.copy()
    flip = rng.rand(len(out)) < 0.5
    mirrored = out[flip][:, :, :, ::-1]
    mirrored[:, [LEFT, RIGHT]] = mirrored[:, [RIGHT, LEFT]]
    out[flip] = mirrored
    shift = rng.randint(-COLOUR_SHIFT, COLOUR_SHIFT + 1, size=(len(out), 1, 1, 1, 3))
    figure = out[..., 3:] >= 128
    out[..., :3] = np.where(figure, np.clip(out[..., :3].astype(np.int16) + shift, 0, 255), out[..., :3]).astype(np.uint8)
    return out


def loss_of(net: HeadEncoderNet, tops: np.ndarray, y: np.ndarray) -> torch.Tensor:
    logits = net.split(net(torch.from_numpy(inputs.encoder_inputs(tops))))
    target = torch.from_numpy(y)
    return sum(F.cross_entropy(l, target[:, k]) for k, l in enumerate(logits))


@torch.no_grad()
def evaluate(net: HeadEncoderNet, held: Samples, chunk: int = 256) -> Dict[str, Dict[str, float]]:
    """Per head accuracy on the composed and the model-drawn held-out samples."""
    net.eval()
    out = {}
    for kind, which in (("composed", ~held.drawn), ("drawn", held.drawn)):
        if not which.any():
            continue
        tops, y = held.tops[which], held.y[which]
        logits = [torch.cat(parts) for parts in zip(*[net.split(net(torch.from_numpy(inputs.encoder_inputs(tops[i:i + chunk]))))
                                                       for i in range(0, len(tops), chunk)])]
        out[kind] = {h: round(a, 4) for h, a in accuracy(logits, torch.from_numpy(y)).items()}
    net.train()
    return out


def train(net: HeadEncoderNet, data: Samples, held: Samples, steps: int, batch: int, lr: float, seed: int,
          eval_every: int, log: Callable[[dict], None], minutes: Optional[float] = None) -> list:
    rng = np.random.RandomState(seed)
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps)
    history, start, cpu0 = [], time.time(), time.process_time()
    net.train()
    for step in range(1, steps + 1):
        pick = rng.randint(len(data.y), size=batch)
        loss = loss_of(net, augment(data.tops[pick], rng), data.y[pick])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        schedule.step()
        done = minutes is not None and time.time() - start > minutes * 60
        if step % eval_every == 0 or step == steps or done:
            entry = {"step": step, "loss": round(float(loss), 4), "seconds": round(time.time() - start, 1),
                     "cpu_seconds": round(time.process_time() - cpu0, 1), "heldout": evaluate(net, held)}
            history.append(entry)
            log(entry)
        if done:
            break
    return history
