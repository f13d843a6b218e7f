"""The encoder's training and held-out samples: LPC characters as the sprite composer draws them,
and the same characters as the sprite model draws them, so that the encoder holds on the model's
own output (its softened colours, specks and the halo the clean-up leaves).

A model-drawn sample is drawn from the sprite model's label encoder (its own inverse), pulled
towards w_avg by a psi in [0.5, 1] and in half the samples blended up to 35% towards another
character, as a seed drawn with truncation lands between characters; its target stays the first
character's labels. Both kinds go through the same clean-up as the Java runtime's (figure mask,
halo, specks) before the frames are cut."""
from dataclasses import dataclass
from typing import Callable, List, Optional

import numpy as np
import torch

from . import inputs
from .pairing import HEADS, targets

PSI_RANGE = (0.5, 1.0)
BLEND_SHARE = 0.5
BLEND_MAX = 0.35


@dataclass
class Samples:
    tops: np.ndarray       # uint8 [N, 4, ROWS, 48, 4]: the top rows of the standing frames (inputs.frame_tops)
    y: np.ndarray          # int64 [N, len(HEADS)]
    drawn: np.ndarray      # bool [N]: drawn by the sprite model (else composed)

    @staticmethod
    def concat(parts: List["Samples"]) -> "Samples":
        return Samples(np.concatenate([p.tops for p in parts]), np.concatenate([p.y for p in parts]),
                       np.concatenate([p.drawn for p in parts]))


def composed(composer, seed: int, indices, classes) -> Samples:
    xs, ys = [], []
    for i in indices:
        s = composer.compose(seed, int(i))
        xs.append(inputs.frame_tops(s.rgba))
        ys.append(targets(s.labels, classes))
    return Samples(np.stack(xs), np.array(ys, dtype=np.int64), np.zeros(len(xs), dtype=bool))


@torch.no_grad()
def drawn(sprite_model, composer, seed: int, indices, classes, rng: np.random.RandomState, chunk: int = 8,
          progress: Optional[Callable[[int], None]] = None) -> Samples:
    """`sprite_model`: evaluate.inverse.SpriteModel with a label encoder (a renderer's model)."""
    xs, ys = [], []
    w_avg = sprite_model.G.mapping.w_avg
    indices = [int(i) for i in indices]
    for start in range(0, len(indices), chunk):
        part = indices[start:start + chunk]
        labels = [composer.plan(seed, i) for i in part]
        partners = [composer.plan(seed + 1, i) for i in part]
        ws = sprite_model.inverse(labels)
        other = sprite_model.inverse(partners)
        n = len(part)
        blend = torch.from_numpy(np.where(rng.rand(n) < BLEND_SHARE, rng.uniform(0, BLEND_MAX, n), 0)).float()
        psi = torch.from_numpy(rng.uniform(*PSI_RANGE, n)).float()
        ws = ws.lerp(other, blend[:, None, None])
        ws = w_avg.lerp(ws, psi[:, None, None])
        for rgb, label in zip(sprite_model.draw(ws), labels):
            xs.append(inputs.frame_tops(inputs.cleaned_canvas(rgb)))
            ys.append(targets(label, classes))
        if progress:
            progress(len(xs))
    return Samples(np.stack(xs), np.array(ys, dtype=np.int64), np.ones(len(xs), dtype=bool))


def accuracy(logits: List[torch.Tensor], y: torch.Tensor) -> dict:
    """Share of samples whose most likely class is the true one, per head."""
    return {h: float((l.argmax(1) == y[:, k]).float().mean()) for k, (h, l) in enumerate(zip(HEADS, logits))}
