"""What the encoder learns to output for each sample: per head a distribution over the head's classes,
and whether the sample has a target for that head at all.

- composed: the labels, one-hot (on composed sheets the reading gives the same colours).
- drawn: hair style and beard from the labels; skin and hair colour as readings.py reads them off the
  sheet, since the face must match the colour the sprite model drew, not the one it was asked for.
- seeded: skin and hair colour as read; no hair style or beard (there are no labels).
"""
from dataclasses import dataclass
from typing import Dict, List

import numpy as np

from . import readings
from .pairing import HEADS
from .samples import COMPOSED, Samples

COLOUR_HEADS = ("skin_tone", "hair_colour")


@dataclass
class Targets:
    p: np.ndarray          # float32 [N, sum of head sizes]: each head's target distribution
    known: np.ndarray      # bool [N, len(HEADS)]: the sample has a target for the head

    def __getitem__(self, rows) -> "Targets":
        return Targets(self.p[rows], self.known[rows])


def head_offsets(classes: Dict[str, List[str]]) -> List[int]:
    """Where each head's classes start in the concatenated outputs, and the total at the end."""
    sizes = [len(classes[h]) for h in HEADS]
    return [int(v) for v in np.cumsum([0] + sizes)]


def build(samples: Samples, classes: Dict[str, List[str]]) -> Targets:
    offsets = head_offsets(classes)
    n = len(samples.y)
    p = np.zeros((n, offsets[-1]), np.float32)
    known = samples.y >= 0
    for k in range(len(HEADS)):
        rows = np.nonzero(known[:, k])[0]
        p[rows, offsets[k] + samples.y[rows, k]] = 1
    tone_labs = readings.palette_labs("skin_tones", classes["skin_tone"])
    skin, hair = HEADS.index("skin_tone"), HEADS.index("hair_colour")
    for i in np.nonzero(samples.kind != COMPOSED)[0]:
        reading = readings.read(samples.tops[i], tone_labs, classes["hair_colour"])
        for k, value in ((skin, reading.skin), (hair, reading.hair)):
            p[i, offsets[k]:offsets[k + 1]] = 0
            known[i, k] = value is not None
            if isinstance(value, np.ndarray):
                p[i, offsets[k]:offsets[k + 1]] = value
            elif value is not None:
                p[i, offsets[k] + value] = 1
    return Targets(p, known)
