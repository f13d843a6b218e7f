"""Unlimited sprite samples for the trainer, composed on the fly.

    stream = SpriteStream("../shared/lpc", seed=1)
    rgb, labels = stream.sample(12345)      # uint8 [256, 256, 3], dict

Sample i is the same canvas that sample i of a `build-sprites --seed S` data set holds. The
object is cheap to pickle (the composer and its layer cache are rebuilt in each process), so
it can go straight into a torch DataLoader as a map-style dataset (`stream[i]` is
`stream.sample(i)`; it has no length: pick indices with a sampler). Each process keeps the
layers it has decoded, about 35 KB each, about 30 MB once every accepted layer was used.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Tuple

import numpy as np

from . import sheet_layout
from .lpc_catalogue import load_catalogue
from .sprite_composer import SpriteComposer


class SpriteStream:
    def __init__(self, lpc_root, seed: int):
        if not isinstance(seed, (int, np.integer)) or int(seed) < 0:
            raise ValueError(f"seed must be an integer >= 0, got {seed!r}")
        self.lpc_root = Path(lpc_root)
        self.seed = int(seed)
        self._composer: Optional[SpriteComposer] = None
        self._get()  # fail now, with the folder's name, if the LPC folder is unusable

    def _get(self) -> SpriteComposer:
        if self._composer is None:
            self._composer = SpriteComposer(self.lpc_root, load_catalogue(self.lpc_root))
        return self._composer

    def sample(self, index: int) -> Tuple[np.ndarray, dict]:
        """(uint8 [256, 256, 3] canvas on the layout's background, labels) of sample `index`."""
        s = self._get().compose(self.seed, int(index))
        return s.rgb, s.labels

    def sample_rgba(self, index: int) -> Tuple[np.ndarray, dict]:
        """(uint8 [256, 256, 4] canvas with binary alpha, labels) of sample `index`."""
        s = self._get().compose(self.seed, int(index))
        return s.rgba, s.labels

    def __getitem__(self, index: int) -> Tuple[np.ndarray, dict]:
        return self.sample(index)

    def dataset_meta(self) -> dict:
        """dataset.json's contents for an unbounded stream (count null)."""
        from .sprite_meta import sprite_dataset_meta
        return sprite_dataset_meta(load_catalogue(self.lpc_root), None, self.seed)

    @property
    def layout(self) -> dict:
        return sheet_layout.sheet_layout()

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_composer"] = None
        return state
