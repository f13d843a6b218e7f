"""The held-out characters every sprite model is scored on: composer sheets from a seed that no
training run may use, redrawn by the model, cleaned up as the Java runtime does, and compared
with the truth."""

from dataclasses import dataclass
from typing import Dict, List, Sequence

import numpy as np

from ..data import sheet_layout
from ..data.sprite_composer import SpriteComposer
from .cleanup import figure_mask
from .metrics import colour_match, mask_iou

#: Composer seed of the held-out set. Training refuses it (render/trainer.py, train/trainer.py).
HELDOUT_SEED = 4242


@dataclass
class HeldOut:
    rgb: np.ndarray        # uint8 [N, 256, 256, 3] on the layout's background
    masks: np.ndarray      # bool [N, 256, 256], the true figures
    labels: List[dict]


def heldout_set(composer: SpriteComposer, count: int, seed: int = HELDOUT_SEED) -> HeldOut:
    samples = [composer.compose(seed, i) for i in range(count)]
    return HeldOut(np.stack([s.rgb for s in samples]), np.stack([s.rgba[..., 3] > 0 for s in samples]),
                   [s.labels for s in samples])


def score(redrawn: np.ndarray, truth: HeldOut, delta_e: float = 10.0) -> Dict[str, object]:
    """Figures over the set for uint8 [N, H, W, 3] redraws: per character IoU and colour match, their
    medians, means and worst values."""
    ious, colours = [], []
    for i in range(len(redrawn)):
        mask = figure_mask(redrawn[i], sheet_layout.BACKGROUND)
        ious.append(mask_iou(mask, truth.masks[i]))
        colours.append(colour_match(redrawn[i], mask, truth.rgb[i], truth.masks[i], delta_e))
    return summary(ious, colours)


def summary(ious: Sequence[float], colours: Sequence[float]) -> Dict[str, object]:
    ious, colours = np.asarray(ious), np.asarray(colours)
    return {"count": int(len(ious)),
            "iou_median": float(np.median(ious)), "iou_mean": float(ious.mean()), "iou_worst": float(ious.min()),
            "de10_median": float(np.median(colours)), "de10_mean": float(colours.mean()),
            "de10_worst": float(colours.min()),
            "iou": [round(float(x), 4) for x in ious], "de10": [round(float(x), 4) for x in colours]}
