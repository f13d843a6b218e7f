"""Training the head encoder: cross-entropy of every head's class probabilities against its target
distribution (targets.py; a head without a target for a sample does not count for it), Adam,
mirrored frames (left and right views swapped) and a small colour shift per sample (the Java
clean-up's palette reduction moves colours by a few levels)."""
import time
from typing import Callable, Dict, Optional

import numpy as np
import torch
from torch.nn import functional as F

from . import inputs
from .net import HeadEncoderNet
from .pairing import HEADS
from .readings import palette_labs
from .samples import KINDS, Samples
from .targets import Targets

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


def loss_of(net: HeadEncoderNet, tops: np.ndarray, targets: Targets) -> torch.Tensor:
    logits = net.split(net(torch.from_numpy(inputs.encoder_inputs(tops))))
    wanted, known = net.split(torch.from_numpy(targets.p)), torch.from_numpy(targets.known).float()
    loss = 0
    for k, (head, target) in enumerate(zip(logits, wanted)):
        per_sample = -(target * F.log_softmax(head, 1)).sum(1)
        loss = loss + (per_sample * known[:, k]).sum() / known[:, k].sum().clamp(min=1)
    return loss


@torch.no_grad()
def evaluate(net: HeadEncoderNet, held: Samples, targets: Targets, classes, chunk: int = 256) -> Dict[str, Dict[str, float]]:
    """Per kind of held-out sample and head: how often the most likely class is the target's; and for
    the colour heads, the CIE dE between the palette colours mixed by the encoder's probabilities and
    by the target (median, and the share within 15, the matching check's limit)."""
    net.eval()
    labs = {"skin_tone": torch.from_numpy(palette_labs("skin_tones", classes["skin_tone"])).float(),
            "hair_colour": torch.from_numpy(palette_labs("hair_colours", classes["hair_colour"])).float()}
    out = {}
    for index, kind in enumerate(KINDS):
        rows = np.nonzero(held.kind == index)[0]
        if not len(rows):
            continue
        probs = torch.cat([net.probabilities(net(torch.from_numpy(inputs.encoder_inputs(held.tops[rows[i:i + chunk]]))))
                           for i in range(0, len(rows), chunk)])
        known = torch.from_numpy(targets.known[rows])
        figures = {}
        for k, (head, mine, theirs) in enumerate(zip(HEADS, net.split(probs), net.split(torch.from_numpy(targets.p[rows])))):
            counted = known[:, k]
            if not counted.any():
                continue
            mine, theirs = mine[counted], theirs[counted]
            figures[head] = round(float((mine.argmax(1) == theirs.argmax(1)).float().mean()), 4)
            if head in labs:
                de = (mine @ labs[head] - theirs @ labs[head]).norm(dim=1)
                figures[head + "_de_median"] = round(float(de.median()), 2)
                figures[head + "_within_15"] = round(float((de <= 15).float().mean()), 4)
        out[kind] = figures
    net.train()
    return out


def train(net: HeadEncoderNet, data: Samples, data_targets: Targets, held: Samples, held_targets: Targets, classes,
          steps: int, batch: int, lr: float, seed: int, eval_every: int, log: Callable[[dict], None],
          minutes: Optional[float] = None) -> list:
    rng = np.random.RandomState(seed)
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps)
    history, start, cpu0 = [], time.time(), time.process_time()
    net.train()
    for step in range(1, steps + 1):
        pick = rng.randint(len(data.y), size=batch)
        loss = loss_of(net, augment(data.tops[pick], rng), data_targets[pick])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        schedule.step()
        done = minutes is not None and time.time() - start > minutes * 60
        if step % eval_every == 0 or step == steps or done:
            entry = {"step": step, "loss": round(float(loss), 4), "seconds": round(time.time() - start, 1),
                     "cpu_seconds": round(time.process_time() - cpu0, 1), "heldout": evaluate(net, held, held_targets, classes)}
            history.append(entry)
            log(entry)
        if done:
            break
    return history
