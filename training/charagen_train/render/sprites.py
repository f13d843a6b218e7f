"""The renderer's sprite subject: LPC walk sheets composed from their layer lists (samples.py),
the held-out composer sheets they are scored on, and the training grid. The trainer (trainer.py)
asks a subject for batches, scores and grids, and knows nothing of LPC or DiceBear itself."""

from pathlib import Path
from typing import Optional

import numpy as np
import torch

from .. import images
from ..data.lpc_catalogue import load_catalogue
from ..data.sprite_composer import SpriteComposer
from ..data.sprite_meta import sprite_dataset_meta
from ..evaluate.heldout import HeldOut, heldout_set, score
from ..evaluate.inverse import SpriteModel
from .config import RendererConfig
from .labels import Vocabulary, body_of
from .palette import PaletteCoder
from .samples import SampleDrawer


class SpriteSubject:
    kind = "sprite"

    def __init__(self, lpc: Path, config: RendererConfig, seed: int, vocabulary: Optional[dict], heldout_count: int):
        self.lpc = Path(lpc)
        self.catalogue = load_catalogue(self.lpc)
        self.composer = SpriteComposer(self.lpc, self.catalogue)
        self.vocabulary = Vocabulary.from_json(vocabulary) if vocabulary else Vocabulary.of(self.catalogue)
        self.meta = sprite_dataset_meta(self.catalogue, None, seed)
        coder = PaletteCoder(self.composer) if config.output == "palette" else None
        self.drawer = SampleDrawer(self.composer, self.vocabulary, seed, config.mix_prob, config.edit_prob, coder)
        self.heldout = heldout_set(self.composer, heldout_count)
        self.colour_from = config.colour_from
        self.inverse = None

    def data(self) -> dict:
        """The run's `data` entry (the source and the data set's meta, licence and credits)."""
        return {"source": f"lpc:{self.lpc}", "meta": self.meta}

    def follow(self, model_ema) -> None:
        """Scores and grids draw with this model (the EMA model, whose weights change under it)."""
        self.model_ema = model_ema
        self.inverse = SpriteModel(model_ema.G, self.catalogue, model_ema.encoder, self.vocabulary, self.colour_from,
                                   model_ema.palette)

    def redraw(self, labels_list) -> np.ndarray:
        """uint8 [N, 256, 256, 3]: the characters of the given labels drawn by the EMA model."""
        return self.inverse.draw(self.inverse.inverse(labels_list))

    def evaluate(self, count: int) -> dict:
        """The held-out figures a progress line carries."""
        s = score(self.redraw(self.heldout.labels[:count]), _first(self.heldout, count))
        return {"iou_median": round(s["iou_median"], 4), "de10_median": round(s["de10_median"], 4)}

    @staticmethod
    def describe(entry: dict) -> str:
        if "iou_median" not in entry:
            return ""
        return f"  held-out IoU {entry['iou_median']:.3f} dE<=10 {entry['de10_median']:.3f}"

    def grid(self, path: Path) -> None:
        """Rows of 8: held-out truths; their redraws; characters A and B; the model's A-shapes-in-B-colours
        (shape ws from A, colour ws from B) beside the composer's sheet of that label mix."""
        redrawn = self.redraw(self.heldout.labels[:8])
        mixer = self.drawer.mixer
        a = [mixer.layers(l["layers"]) for l in self.heldout.labels[8:12]]
        b = [mixer.layers(l["layers"]) for l in self.heldout.labels[12:16]]
        ta, tb = [self.vocabulary.encode(x) for x in a], [self.vocabulary.encode(x) for x in b]
        m = self.model_ema
        with torch.no_grad():
            mixed = m.draw_uint8(m.ws([t[0] for t in ta], [t[1] for t in ta], [t[0] for t in tb], [t[1] for t in tb]))
        truths = []
        for x, y in zip(a, b):
            layers = mixer.mix(x, y)
            truths.append(self.composer.render([l.path for l in layers], body_of(layers).path)[0])
        rows = np.concatenate([self.heldout.rgb[:8], redrawn, self.heldout.rgb[8:16], mixed, np.stack(truths)])
        images.save_png(path, images.grid(rows, 8), overwrite=True)

    def close(self) -> None:
        pass


def _first(heldout: HeldOut, n: int) -> HeldOut:
    return HeldOut(heldout.rgb[:n], heldout.masks[:n], heldout.labels[:n])
