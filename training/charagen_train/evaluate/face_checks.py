"""Checks on RPG Maker face sheets as `charagen generate` writes them (`faces/Name.png`, 576 x 288,
eight 144 x 144 slots, slot 0 the neutral face, the expressions after it, empty slots transparent):
does each expression change the eyes and the mouth and leave the hair as it was?

The regions are where DiceBear `adventurer` faces, which the default portrait model draws, put
those parts at 144 px. Measured on 150 faces (`tests/test_face_checks.py` re-measures them): the
pixels that change when a face takes another face's eyes, eyebrows and mouth lie in rows 51-112,
columns 29-90 (the eyebrows and eyes above row 92, the mouth below); the hair covers rows 22-50
above them, and the band stops two rows short of the brows. Between DiceBear's own faces wearing the presets' parts (neutral against happy, sad,
angry, surprised; 40 faces) at least 27% of the eye region's and 4% of the mouth region's pixels
change, and nothing in the hair band. So:

- **eyes** `EYES` and **mouth** `MOUTH`: each must visibly change, at least `MIN_CHANGED_SHARE` of
  its pixels moving by more than `CHANGED_STEP` (largest channel difference, 0-255);
- **hair band** `HAIR_BAND`: its mean absolute change per pixel is at most `MAX_HAIR_RATIO` of the
  eyes-and-mouth region's;
- **hair colour:** the CIE76 dE between the hair band's mean Lab colour in the neutral face and in
  the expression is at most `MAX_HAIR_DE`.

Boxes are (top, bottom, left, right), bottom and right exclusive, in a 144 x 144 face.
"""

import dataclasses
from typing import List, Tuple

import numpy as np

from .metrics import srgb_to_lab

FACE = 144
ACROSS, DOWN = 4, 2
EYES = (50, 92, 28, 92)
MOUTH = (92, 114, 28, 92)
HAIR_BAND = (20, 48, 24, 120)
CHANGED_STEP = 32
MIN_CHANGED_SHARE = 0.02
MAX_HAIR_RATIO = 0.25
MAX_HAIR_DE = 5.0


@dataclasses.dataclass
class ExpressionReport:
    source: str                 # file and slot ("Name.png #2")
    eyes_changed: float         # share of the eye region's pixels that moved by more than CHANGED_STEP
    mouth_changed: float        # the same for the mouth
    hair_ratio: float           # mean change in the hair band / mean change around eyes and mouth
    hair_de: float              # dE of the hair band's mean colour
    failures: List[str]

    @property
    def passes(self) -> bool:
        return not self.failures


def split_faces(rgba: np.ndarray, source: str) -> List[np.ndarray]:
    """uint8 [288, 576, 4] face sheet -> its faces in slot order, up to the first empty slot (uint8
    [144, 144, 3] each)."""
    if rgba.ndim != 3 or rgba.shape != (DOWN * FACE, ACROSS * FACE, 4):
        raise ValueError(f"{source}: expected a {ACROSS * FACE} x {DOWN * FACE} RGBA face sheet, got shape "
                         f"{rgba.shape}")
    faces = []
    for k in range(ACROSS * DOWN):
        top, left = (k // ACROSS) * FACE, (k % ACROSS) * FACE
        face = rgba[top:top + FACE, left:left + FACE]
        if not face[..., 3].any():
            break
        faces.append(face[..., :3])
    return faces


def _box(image: np.ndarray, box: Tuple[int, int, int, int]) -> np.ndarray:
    top, bottom, left, right = box
    return image[top:bottom, left:right]


def _changed_share(a: np.ndarray, b: np.ndarray) -> float:
    return float((np.abs(a.astype(np.int16) - b).max(axis=-1) > CHANGED_STEP).mean())


def _mean_change(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(np.float64) - b).mean())


def check_expression(neutral: np.ndarray, expression: np.ndarray, source: str) -> ExpressionReport:
    eyes = _changed_share(_box(neutral, EYES), _box(expression, EYES))
    mouth = _changed_share(_box(neutral, MOUTH), _box(expression, MOUTH))
    top, _, left, right = EYES
    around = (top, MOUTH[1], left, right)
    hair_change = _mean_change(_box(neutral, HAIR_BAND), _box(expression, HAIR_BAND))
    face_change = _mean_change(_box(neutral, around), _box(expression, around))
    ratio = hair_change / face_change if face_change > 0 else float("inf")
    hair_de = float(np.linalg.norm(srgb_to_lab(_box(neutral, HAIR_BAND).reshape(-1, 3)).mean(axis=0)
                                   - srgb_to_lab(_box(expression, HAIR_BAND).reshape(-1, 3)).mean(axis=0)))
    failures = []
    if eyes < MIN_CHANGED_SHARE:
        failures.append(f"eyes barely change ({eyes:.1%} of the region's pixels)")
    if mouth < MIN_CHANGED_SHARE:
        failures.append(f"mouth barely changes ({mouth:.1%} of the region's pixels)")
    if ratio > MAX_HAIR_RATIO:
        failures.append(f"hair band changes {ratio:.2f} times as much as eyes and mouth (at most {MAX_HAIR_RATIO})")
    if hair_de > MAX_HAIR_DE:
        failures.append(f"hair colour moves by dE {hair_de:.1f} (at most {MAX_HAIR_DE})")
    return ExpressionReport(source, eyes, mouth, ratio, hair_de, failures)


def check_sheet(rgba: np.ndarray, source: str) -> List[ExpressionReport]:
    """Every expression of a face sheet against its neutral face (slot 0)."""
    faces = split_faces(rgba, source)
    if len(faces) < 2:
        raise ValueError(f"{source}: {len(faces)} face(s); a neutral face and at least one expression are needed")
    return [check_expression(faces[0], face, f"{source} #{k}") for k, face in enumerate(faces[1:], start=1)]
