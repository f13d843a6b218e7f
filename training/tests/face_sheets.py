"""Face sheets for tests, laid out as `charagen generate` writes them."""
import numpy as np

from charagen_train.evaluate.face_checks import ACROSS, DOWN, FACE


def sheet_of(faces) -> np.ndarray:
    """A 576 x 288 RGBA face sheet with these 144 x 144 RGB faces from slot 0, the rest transparent."""
    sheet = np.zeros((DOWN * FACE, ACROSS * FACE, 4), np.uint8)
    for k, face in enumerate(faces):
        top, left = (k // ACROSS) * FACE, (k % ACROSS) * FACE
        sheet[top:top + FACE, left:left + FACE, :3] = face
        sheet[top:top + FACE, left:left + FACE, 3] = 255
    return sheet
