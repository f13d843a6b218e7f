"""What the head encoder sees: the top of the four standing frames (front, left, right, back) of a
cleaned walk sheet, where the head and hair are, the back view showing a ponytail the front hides.

Each frame gives four channels: R, G and B scaled to [-1, 1] and multiplied by the figure mask,
then the mask (1 where alpha >= 128, else 0). The frames are stacked in the order of FRAMES, so the
input is [16, ROWS, 48]. The Java runtime builds the same tensor from a character's frames
(HeadEncoderInput.java)."""
import numpy as np

from ..data import sheet_layout as sl

#: Canvas rows (RPG Maker's direction order) of the standing frames the encoder reads.
FRAMES = ("down", "left", "right", "up")
#: Rows read from the top of each 48 x 48 frame: the LPC head and hair lie in the top 32, long hair
#: included.
ROWS = 32
WIDTH = sl.FRAME_WINDOW[2]
CHANNELS = 4 * len(FRAMES)
STANDING_COLUMN = 1


def standing_frames(rgba_canvas: np.ndarray) -> np.ndarray:
    """uint8 [4, 48, 48, 4]: the standing frames of a 256 x 256 RGBA training canvas."""
    out = []
    for direction in FRAMES:
        x0, y0, x1, y1 = sl.window_box(sl.DIRECTIONS.index(direction), STANDING_COLUMN)
        out.append(rgba_canvas[y0:y1, x0:x1])
    return np.stack(out)


def encoder_input(frames: np.ndarray) -> np.ndarray:
    """float32 [16, ROWS, 48] from uint8 [4, 48, 48, 4] RGBA frames (FRAMES order)."""
    return encoder_inputs(frames[None, :, :ROWS])[0]


def encoder_inputs(tops: np.ndarray) -> np.ndarray:
    """float32 [N, 16, ROWS, 48] from uint8 [N, 4, ROWS, 48, 4]: the top rows of each sample's frames."""
    top = tops.astype(np.float32)
    mask = (top[..., 3] >= 128).astype(np.float32)[..., None]
    rgb = (top[..., :3] / np.float32(127.5) - 1) * mask
    nchw = np.concatenate([rgb, mask], axis=-1).transpose(0, 1, 4, 2, 3)  # [N, 4, 4, ROWS, 48]
    return np.ascontiguousarray(nchw.reshape(len(tops), CHANNELS, ROWS, WIDTH))


def frame_tops(rgba_canvas: np.ndarray) -> np.ndarray:
    """uint8 [4, ROWS, 48, 4]: what the encoder reads of a 256 x 256 RGBA canvas."""
    return standing_frames(rgba_canvas)[:, :ROWS]


def cleaned_canvas(rgb: np.ndarray) -> np.ndarray:
    """uint8 [256, 256, 4]: a sprite model's canvas with the figure the Java clean-up keeps opaque
    (background and its halo removed, specks dropped) and everything else transparent."""
    from ..evaluate.cleanup import figure_mask
    mask = figure_mask(rgb, sl.BACKGROUND)
    rgba = np.zeros(rgb.shape[:2] + (4,), dtype=np.uint8)
    rgba[mask, :3] = rgb[mask]
    rgba[mask, 3] = 255
    return rgba
