"""How close a redrawn sheet is to its truth: figure mask IoU and the share of the true figure's
pixels whose colour is within CIE76 Delta E of the truth (a pixel the redraw left as background
counts as a miss)."""

import numpy as np

# sRGB (D65) to XYZ, then CIE L*a*b* with the D65 white point.
_M = np.array([[0.4124564, 0.3575761, 0.1804375],
               [0.2126729, 0.7151522, 0.0721750],
               [0.0193339, 0.1191920, 0.9503041]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def srgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    """uint8 [..., 3] -> float64 [..., 3] CIE L*a*b*."""
    c = rgb.astype(np.float64) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    xyz = linear @ _M.T / _WHITE
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def mask_iou(predicted: np.ndarray, truth: np.ndarray) -> float:
    union = np.logical_or(predicted, truth).sum()
    return 1.0 if union == 0 else float(np.logical_and(predicted, truth).sum() / union)


def colour_match(predicted_rgb: np.ndarray, predicted_mask: np.ndarray, truth_rgb: np.ndarray,
                 truth_mask: np.ndarray, delta_e: float = 10.0) -> float:
    """Share of truth-figure pixels that the prediction also has as figure, within delta_e."""
    total = truth_mask.sum()
    if total == 0:
        return 1.0
    both = truth_mask & predicted_mask
    de = np.linalg.norm(srgb_to_lab(predicted_rgb[both]) - srgb_to_lab(truth_rgb[both]), axis=-1)
    return float((de <= delta_e).sum() / total)
