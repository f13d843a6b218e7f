"""The parts of the Java clean-up (generator/pixelart) that decide which pixels are the figure:
the background colour within a tolerance becomes transparent, then the background's halo on the
figure's rim (EdgeMatte.java, the same rule and arithmetic, cell by cell), then specks of one or
two pixels go. Scores are taken on what a user would get, not on the raw network output."""

import numpy as np
from scipy import ndimage

#: SpriteCleanup's defaults (CleanupOptions): Euclidean RGB distance 48, specks up to 2 pixels.
BACKGROUND_TOLERANCE = 48
MAX_SPECK_PIXELS = 2
#: EdgeMatte's constants: a rim pixel within this RGB distance of the line from the background
#: through an off-rim neighbour's colour is a blend of the two, and it goes when less than this
#: share of it is that neighbour.
RIM_MAX_RESIDUAL = 32.0
RIM_MIN_FIGURE_SHARE = 0.5
#: The canvas cells the Java clean-up works in (a rim's neighbours are looked for inside its cell).
CELL = 64

# EdgeMatte's neighbour order (row by row): with equal fits the later neighbour decides, as there.
_NEIGHBOURS = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if (dy, dx) != (0, 0)]


def figure_mask(rgb: np.ndarray, background, tolerance: int = BACKGROUND_TOLERANCE,
                max_speck: int = MAX_SPECK_PIXELS, cell: int = CELL) -> np.ndarray:
    """bool [H, W]: pixels of uint8 [H, W, 3] farther than `tolerance` from `background`, without
    the background's halo on each `cell` x `cell` cell's figure rim and without 8-connected specks
    of at most `max_speck` pixels."""
    diff = rgb.astype(np.int32) - np.asarray(background, dtype=np.int32)
    mask = (diff * diff).sum(axis=-1) > tolerance * tolerance
    h, w = mask.shape
    for y in range(0, h, cell):
        for x in range(0, w, cell):
            mask[y:y + cell, x:x + cell] &= ~rim_halo(rgb[y:y + cell, x:x + cell], mask[y:y + cell, x:x + cell],
                                                      background)
    labels, count = ndimage.label(mask, structure=np.ones((3, 3), dtype=bool))
    if count:
        sizes = ndimage.sum(mask, labels, index=np.arange(1, count + 1))
        small = np.flatnonzero(sizes <= max_speck) + 1
        mask &= ~np.isin(labels, small)
    return mask


def rim_halo(rgb: np.ndarray, mask: np.ndarray, background) -> np.ndarray:
    """bool [h, w]: the rim pixels of `mask` (opaque, with a transparent 4-neighbour inside the
    image) that EdgeMatte makes transparent: best read as a blend of the background B and an
    opaque off-rim 8-neighbour's colour Q (within RIM_MAX_RESIDUAL of the line from B through Q)
    that is less than half Q."""
    h, w = mask.shape
    opaque = np.pad(mask, 1, constant_values=True)  # outside the image counts as not transparent
    rim = mask & ~(opaque[:-2, 1:-1] & opaque[2:, 1:-1] & opaque[1:-1, :-2] & opaque[1:-1, 2:])
    if not rim.any():
        return rim
    p = rgb.astype(np.float64) - np.asarray(background, dtype=np.float64)
    best_residual = np.full((h, w), RIM_MAX_RESIDUAL * RIM_MAX_RESIDUAL)
    best_share = np.full((h, w), np.nan)
    inner = np.pad(mask & ~rim, 1, constant_values=False)
    q_all = np.pad(p, ((1, 1), (1, 1), (0, 0)))
    for dy, dx in _NEIGHBOURS:
        valid = rim & inner[1 + dy:1 + dy + h, 1 + dx:1 + dx + w]
        q = q_all[1 + dy:1 + dy + h, 1 + dx:1 + dx + w]
        norm = q[..., 0] * q[..., 0] + q[..., 1] * q[..., 1] + q[..., 2] * q[..., 2]
        valid &= norm >= 1
        with np.errstate(divide="ignore", invalid="ignore"):
            a = (p[..., 0] * q[..., 0] + p[..., 1] * q[..., 1] + p[..., 2] * q[..., 2]) / norm
        e = p - a[..., None] * q
        residual = e[..., 0] * e[..., 0] + e[..., 1] * e[..., 1] + e[..., 2] * e[..., 2]
        better = valid & (residual <= best_residual)
        best_residual = np.where(better, residual, best_residual)
        best_share = np.where(better, a, best_share)
    return rim & (best_share < RIM_MIN_FIGURE_SHARE)
