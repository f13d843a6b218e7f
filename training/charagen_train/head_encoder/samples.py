"""The encoder's training and held-out samples, of three kinds (KINDS):
- composed: LPC characters as the sprite composer draws them, with their labels;
- drawn: the same characters as the sprite model draws them from their labels, so that the encoder
  holds on the model's own output (its softened colours, specks and the halo the clean-up leaves);
- seeded: sheets the sprite model draws from seeds, as `charagen generate` does; they have no
  labels (y is -1), only the colours readings.py measures on them.

A model-drawn sample is drawn from the sprite model's label encoder (its own inverse), pulled
towards w_avg by a psi in [0.5, 1] and in half the samples blended up to 35% towards another
character, as a seed drawn with truncation lands between characters; its target stays the first
character's labels. All kinds go through the same clean-up as the Java runtime's (figure mask,
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


KINDS = ("composed", "drawn", "seeded")
COMPOSED, DRAWN, SEEDED = range(3)


@dataclass
class Samples:
    tops: np.ndarray       # uint8 [N, 4, ROWS, 48, 4]: the top rows of the standing frames (inputs.frame_tops)
    y: np.ndarray          # int64 [N, len(HEADS)]: the labels' classes, -1 where there are no labels
    kind: np.ndarray       # uint8 [N]: index into KINDS

    @staticmethod
    def concat(parts: List["Samples"]) -> "Samples":
        return Samples(np.concatenate([p.tops for p in parts]), np.concatenate([p.y for p in parts]),
                       np.concatenate([p.kind for p in parts]))

    @staticmethod
    def unlabelled(tops: np.ndarray) -> "Samples":
        """Seeded samples: no labels."""
        return Samples(tops, np.full((len(tops), len(HEADS)), -1, np.int64), np.full(len(tops), SEEDED, np.uint8))


def composed(composer, seed: int, indices, classes) -> Samples:
    xs, ys = [], []
    for i in indices:
        s = composer.compose(seed, int(i))
        xs.append(inputs.frame_tops(s.rgba))
        ys.append(targets(s.labels, classes))
    return Samples(np.stack(xs), np.array(ys, dtype=np.int64), np.full(len(xs), COMPOSED, np.uint8))


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
    return Samples(np.stack(xs), np.array(ys, dtype=np.int64), np.full(len(xs), DRAWN, np.uint8))


def seed_psi(seed: int, psi_range) -> float:
    """The truncation psi a seeded sample is drawn with: uniform in psi_range, from the seed alone
    (so any slice of seeds draws the same sheets)."""
    return float(np.random.RandomState([seed, 1]).uniform(*psi_range))


@torch.no_grad()
def seeded(sprite_model, seeds, psi_range, chunk: int = 8, progress: Optional[Callable[[int], None]] = None) -> np.ndarray:
    """uint8 [N, 4, ROWS, 48, 4]: the encoder's view of sheets the sprite model draws from seeds as
    `charagen generate` does (z = RandomState(seed).randn, the mapping network, truncation towards
    w_avg), with psi from seed_psi. They have no labels; readings.py measures their colours."""
    from ..latent import z_for_seed
    G = sprite_model.G
    seeds = [int(s) for s in seeds]
    out = []
    for start in range(0, len(seeds), chunk):
        part = seeds[start:start + chunk]
        z = torch.from_numpy(np.concatenate([z_for_seed(s, G.z_dim) for s in part])).float()
        psi = torch.tensor([seed_psi(s, psi_range) for s in part])
        ws = G.mapping.w_avg.lerp(G.mapping(z, None), psi[:, None, None])
        out.extend(inputs.frame_tops(inputs.cleaned_canvas(rgb)) for rgb in sprite_model.draw(ws))
        if progress:
            progress(len(out))
    return np.stack(out)
