"""The parts of the Java clean-up (generator/pixelart) that decide which pixels are the figure:
the background colour within a tolerance becomes transparent, then specks of one or two pixels
go. Scores are taken on what a user would get, not on the raw network output."""

import numpy as np
from scipy import ndimage

#: SpriteCleanup's defaults (CleanupOptions): Euclidean RGB distance 48, specks up to 2 pixels.
BACKGROUND_TOLERANCE = 48
MAX_SPECK_PIXELS = 2


def figure_mask(rgb: np.ndarray, background, tolerance: int = BACKGROUND_TOLERANCE,
                max_speck: int = MAX_SPECK_PIXELS) -> np.ndarray:
    """bool [H, W]: pixels of uint8 [H, W, 3] farther than `tolerance` from `background`, without
    8-connected specks of at most `max_speck` pixels."""
    diff = rgb.astype(np.int32) - np.asarray(background, dtype=np.int32)
    mask = (diff * diff).sum(axis=-1) > tolerance * tolerance
    labels, count = ndimage.label(mask, structure=np.ones((3, 3), dtype=bool))
    if count:
        sizes = ndimage.sum(mask, labels, index=np.arange(1, count + 1))
        small = np.flatnonzero(sizes <= max_speck) + 1
        mask &= ~np.isin(labels, small)
    return mask
