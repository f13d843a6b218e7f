"""Checks on RPG Maker MV character sheets as `charagen generate` writes them: is each character
one walking figure, seen the same way from every side?

A character is 3 patterns x 4 directions (down, left, right, up) of 48 x 48 frames; its figure is
what is not transparent. For each character:

- **one figure per frame:** in all 12 frames the largest 8-connected piece holds at least
  `MIN_MAIN_SHARE` of the figure's pixels;
- **plausible height:** that piece is `HEIGHT_RANGE` pixels tall in every frame (composed LPC
  figures stand 46-48 px tall in the MV frame; 40 leaves room for a soft head or foot);
- **left and right mirror each other:** the right frames' silhouettes, flipped, cover the left
  frames' (mask IoU, pattern by pattern, at least `MIN_MIRROR_IOU`);
- **one set of colours:** the figure's colour histogram seen from the left, the right and the
  front overlap (histogram intersection at least `MIN_COLOUR_OVERLAP`); the back view shows
  mostly hair, so it is left out.

Across characters: two are **the same character** when their standing front frames have masks
of IoU at least 0.95 and a mean CIE dE under 5 on the pixels both cover.

The thresholds were set from composed LPC truth sheets (`tests/test_sheet_checks.py`): every
one of those passes, and each check fails on the sheets it is meant to catch.
"""

import dataclasses
from typing import Dict, List, Tuple

import numpy as np
from scipy import ndimage

from .metrics import mask_iou, srgb_to_lab

FRAME = 48
CHARACTER = (3 * FRAME, 4 * FRAME)          # width, height of one character (144 x 192)
DIRECTIONS = ("down", "left", "right", "up")
MIN_MAIN_SHARE = 0.9
HEIGHT_RANGE = (40, 48)
MIN_MIRROR_IOU = 0.8
MIN_COLOUR_OVERLAP = 0.5
SAME_IOU, SAME_DE = 0.95, 5.0


@dataclasses.dataclass
class CharacterReport:
    source: str                 # file and place in it ("Name.png #3")
    failures: List[str]         # empty: the character passes

    @property
    def passes(self) -> bool:
        return not self.failures


def split_characters(rgba: np.ndarray, source: str) -> List[Tuple[str, np.ndarray]]:
    """uint8 [H, W, 4] of a `$Name.png` (one character) or an 8-character sheet -> [(label, [192, 144, 4])]."""
    h, w = rgba.shape[:2]
    if rgba.ndim != 3 or rgba.shape[2] != 4:
        raise ValueError(f"{source}: expected an RGBA image, got shape {rgba.shape}")
    cw, ch = CHARACTER
    if (w, h) == (cw, ch):
        return [(source, rgba)]
    if (w, h) == (4 * cw, 2 * ch):
        return [(f"{source} #{i}", rgba[(i // 4) * ch:(i // 4 + 1) * ch, (i % 4) * cw:(i % 4 + 1) * cw])
                for i in range(8)]
    raise ValueError(f"{source}: {w} x {h} is neither one MV character (144 x 192) nor an 8-character sheet "
                     f"(576 x 384)")


def frames(character: np.ndarray) -> Dict[Tuple[str, int], np.ndarray]:
    """[192, 144, 4] -> {(direction, pattern): [48, 48, 4]}."""
    return {(d, p): character[r * FRAME:(r + 1) * FRAME, p * FRAME:(p + 1) * FRAME]
            for r, d in enumerate(DIRECTIONS) for p in range(3)}


def check_character(character: np.ndarray, source: str) -> CharacterReport:
    failures = []
    views = frames(character)
    masks = {key: f[..., 3] > 0 for key, f in views.items()}
    for (d, p), mask in masks.items():
        main = _main_piece(mask)
        total = mask.sum()
        if total == 0 or main.sum() < MIN_MAIN_SHARE * total:
            failures.append(f"{d} pattern {p}: {'no figure' if total == 0 else 'more than one figure'}")
            continue
        rows = np.flatnonzero(main.any(axis=1))
        height = rows[-1] - rows[0] + 1
        if not HEIGHT_RANGE[0] <= height <= HEIGHT_RANGE[1]:
            failures.append(f"{d} pattern {p}: figure {height} px tall (expected {HEIGHT_RANGE[0]}-{HEIGHT_RANGE[1]})")
    for p in range(3):
        iou = mask_iou(masks[("left", p)], masks[("right", p)][:, ::-1])
        if iou < MIN_MIRROR_IOU:
            failures.append(f"pattern {p}: left and mirrored right silhouettes overlap {iou:.2f} "
                            f"(expected at least {MIN_MIRROR_IOU})")
    histograms = {d: _colour_histogram([views[(d, p)] for p in range(3)]) for d in ("down", "left", "right")}
    for a, b in (("down", "left"), ("down", "right"), ("left", "right")):
        overlap = float(np.minimum(histograms[a], histograms[b]).sum())
        if overlap < MIN_COLOUR_OVERLAP:
            failures.append(f"{a} and {b} views share {overlap:.2f} of their colours "
                            f"(expected at least {MIN_COLOUR_OVERLAP})")
    return CharacterReport(source, failures)


def same_character_pairs(characters: List[Tuple[str, np.ndarray]]) -> List[Tuple[str, str]]:
    """Pairs of characters whose standing front frames are the same figure in the same colours."""
    fronts = [(label, frames(c)[("down", 1)]) for label, c in characters]
    pairs = []
    for i in range(len(fronts)):
        for j in range(i + 1, len(fronts)):
            (la, a), (lb, b) = fronts[i], fronts[j]
            ma, mb = a[..., 3] > 0, b[..., 3] > 0
            both = ma & mb
            if mask_iou(ma, mb) < SAME_IOU or not both.any():
                continue
            de = np.linalg.norm(srgb_to_lab(a[both][:, :3]) - srgb_to_lab(b[both][:, :3]), axis=-1).mean()
            if de < SAME_DE:
                pairs.append((la, lb))
    return pairs


def _main_piece(mask: np.ndarray) -> np.ndarray:
    labels, count = ndimage.label(mask, structure=np.ones((3, 3), dtype=bool))
    if count == 0:
        return mask
    sizes = ndimage.sum(mask, labels, index=np.arange(1, count + 1))
    return labels == (int(np.argmax(sizes)) + 1)


def _colour_histogram(views: List[np.ndarray]) -> np.ndarray:
    """Normalised histogram of the figure's colours over the views, 4 bits per channel."""
    pixels = np.concatenate([v[v[..., 3] > 0][:, :3] for v in views])
    if len(pixels) == 0:
        return np.zeros(4096)
    q = pixels.astype(np.int64) >> 4
    counts = np.bincount((q[:, 0] << 8) | (q[:, 1] << 4) | q[:, 2], minlength=4096).astype(np.float64)
    return counts / counts.sum()
