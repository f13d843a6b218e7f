"""Network output to pixels the way the reference scripts (and the Java runtime) do it."""

from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

from .errors import UsageError
from .safe_files import atomic_write


def to_uint8(nchw: np.ndarray) -> np.ndarray:
    """[N, C, H, W] float -> [N, H, W, C] uint8: v * 127.5 + 128 in float32, clamped, truncated."""
    scaled = nchw.astype(np.float32) * np.float32(127.5) + np.float32(128)
    scaled = np.nan_to_num(scaled, nan=0.0)
    return np.clip(scaled, 0, 255).astype(np.uint8).transpose(0, 2, 3, 1)


def grid(pixels: np.ndarray, columns: int = 8) -> np.ndarray:
    """[N, H, W, C] uint8 laid out left to right, top to bottom, `columns` per row, black elsewhere."""
    n, h, w, c = pixels.shape
    cols = min(columns, n)
    rows = (n + cols - 1) // cols
    out = np.zeros((rows * h, cols * w, c), dtype=np.uint8)
    for i in range(n):
        y, x = (i // cols) * h, (i % cols) * w
        out[y:y + h, x:x + w] = pixels[i]
    return out


def save_png(path: Path, hwc: np.ndarray, overwrite: bool = False) -> None:
    mode = {1: "L", 3: "RGB", 4: "RGBA"}[hwc.shape[2]]
    image = Image.fromarray(hwc[:, :, 0] if mode == "L" else hwc, mode)
    atomic_write(Path(path), lambda f: image.save(f, format="PNG"), overwrite)


def read_rgba_png(path: Path, why_rgba: str) -> np.ndarray:
    """uint8 [H, W, 4] of an RGBA PNG; a file that is not one is a usage error naming it (`why_rgba`
    says why the image must have an alpha channel)."""
    try:
        with Image.open(path) as im:
            if im.mode != "RGBA":
                raise UsageError(f"{path}: mode {im.mode}; {why_rgba}")
            return np.asarray(im)
    except (OSError, UnidentifiedImageError) as e:
        raise UsageError(f"{path}: not a readable PNG ({e})") from None
