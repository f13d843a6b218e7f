"""Colour targets read off a sheet instead of taken from labels.

The sprite model does not draw the palette's colours exactly: at the truncation `generate` uses it
draws skins between the LPC tones (a seed's skin lies a median 8 and up to 17 dE from the nearest
tone), and a seed has no labels at all. What the face must match is the colour drawn, so the
encoder's colour targets on drawn sheets are read from the sheet with the same reading
`check-matching` uses (evaluate/matching.py, calibrated on composed characters):

- **skin**: the face box's dominant colour, as the mix of at most two LPC tones whose Lab blend
  lies nearest it (a point on the segment between two tones' palette colours). The exported
  encoder's softmax mixes the tones' face tokens by these weights, and the portrait model draws a
  mix of two skin tokens as the blend of their colours (measured: dark to tanned2 in quarters gave
  L* 59.2, 63.6, 69.6, 76.6, 80.9).
- **hair colour**: the LPC hair whose dithering ramp explains the hair pixels best, one-hot; none
  where headgear hides the hair or no hair pixels are seen.
"""
from dataclasses import dataclass
from typing import List, Optional

import numpy as np

from ..data.lpc_palettes import load_palettes
from ..evaluate import matching
from ..evaluate.metrics import srgb_to_lab
from . import inputs


@dataclass
class ColourReading:
    skin: Optional[np.ndarray]    # float32 [tones]: the tone mix, or None when no skin was seen
    hair: Optional[int]           # the hair colour's class index, or None when hidden or unseen


def palette_labs(kind: str, names: List[str]) -> np.ndarray:
    """Lab [len(names), 3] of the LPC palette colours of skin tones ('skin_tones') or hair colours."""
    entries = load_palettes()[kind]
    return srgb_to_lab(np.stack([matching.hex_rgb(entries[n]["hex"]) for n in names]))


def nearest_mix(lab: np.ndarray, anchors: np.ndarray) -> np.ndarray:
    """Weights [K] (summing to 1, at most two non-zero) of the blend of two anchors (Lab [K, 3]) nearest
    to lab: the nearest point on any segment between two anchors, or on an anchor itself."""
    best, weights = np.inf, None
    for i in range(len(anchors)):
        for j in range(i + 1, len(anchors)):
            a, d = anchors[i], anchors[j] - anchors[i]
            t = float(np.clip(np.dot(lab - a, d) / np.dot(d, d), 0, 1))
            distance = float(np.linalg.norm(a + t * d - lab))
            if distance < best:
                best, weights = distance, (i, j, t)
    out = np.zeros(len(anchors), np.float32)
    i, j, t = weights
    out[i], out[j] = 1 - t, t
    return out


def front_frame(tops: np.ndarray) -> np.ndarray:
    """uint8 [48, 48, 4]: the front standing frame of an encoder view [4, ROWS, 48, 4], its rows below
    ROWS transparent (the boxes the reading uses lie in the top rows)."""
    frame = np.zeros((48, 48, 4), np.uint8)
    frame[:inputs.ROWS] = tops[inputs.FRAMES.index("down")]
    return frame


def read(tops: np.ndarray, tone_labs: np.ndarray, hair_names: List[str]) -> ColourReading:
    """The colour targets of one encoder view; tone_labs are the skin classes' palette colours and
    hair_names the hair colour classes, in class order."""
    colours = matching.sprite_colours(front_frame(tops))
    skin = None if colours.skin_lab is None else nearest_mix(colours.skin_lab, tone_labs)
    hair = hair_names.index(colours.hair_name) if colours.hair_name in hair_names else None
    return ColourReading(skin, hair)
