"""Training samples of the renderer: a character's tokens and its exact sheet, drawn from the
composer. Half of them (mix_prob) are label-level mixes: A's shapes in B's colours, whose w rows
for the shape group come from A and for the colour group from B. That is what teaches the two
layer groups their meaning. Every sample also carries a partner character P, whose w the trainer
may blend a little into A's (the target stays A), so that a w near a character draws that
character: seeds whose w falls between characters snap to one of them. A share (edit_prob) of
the samples that are not mixes are recolour edits: one colour class set to another colour, drawn
from A's w plus that colour's direction (its token vector minus the class's mean), which is what
an `add` preset of that direction then does at generation time."""

from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np
import torch

from ..data.sprite_composer import SpriteComposer
from .labels import LabelMixer, Vocabulary, body_of, recolour, recolour_options
from .palette import PaletteCoder


@dataclass
class Batch:
    target: torch.Tensor          # float [N, 3, 256, 256] in [-1, 1]
    figure: torch.Tensor          # float [N, 1, 256, 256], 1 on the figure
    shapes_a: List[List[int]]     # tokens of the character whose w drives the shape layers
    colours_a: List[List[int]]
    shapes_b: List[List[int]]     # ... and the colour layers (the same character unless mixed)
    colours_b: List[List[int]]
    shapes_p: List[List[int]]     # a partner character, for blending
    colours_p: List[List[int]]
    mixed: torch.Tensor           # bool [N]: B differs from A
    edits: List[Optional[Tuple[List[int], int]]]  # (the class's colour tokens, the new colour's token) or None
    palette: Optional[dict] = None  # palette output targets: slot, shade [N, H, W], colours [N, S, K, 3], present
    shapes_c: Optional[List[List[int]]] = None   # a third character, for a portrait's accessory layers
    colours_c: Optional[List[List[int]]] = None


#: Composer indices of the palette head's own characters start here (2 * 10**8 drawn samples first).
PALETTE_INDEX_BASE = 10 ** 8


@dataclass
class PalettePool:
    """Characters' tokens and exact palettes (colours [N, S, K, 3] in [-1, 1], present [N, S, K])."""
    shapes_a: List[List[int]]
    colours_a: List[List[int]]
    shapes_b: List[List[int]]
    colours_b: List[List[int]]
    colours: torch.Tensor
    present: torch.Tensor

    def take(self, index: torch.Tensor):
        i = index.tolist()
        return ([self.shapes_a[k] for k in i], [self.colours_a[k] for k in i], [self.shapes_b[k] for k in i],
                [self.colours_b[k] for k in i], self.colours[index], self.present[index])


class SampleDrawer:
    def __init__(self, composer: SpriteComposer, vocabulary: Vocabulary, seed: int, mix_prob: float,
                 edit_prob: float = 0.0, palette_coder: Optional[PaletteCoder] = None):
        self.composer, self.vocabulary, self.seed = composer, vocabulary, seed
        self.coder = palette_coder
        self.mix_prob, self.edit_prob = mix_prob, edit_prob
        self.mixer = LabelMixer(composer.catalogue)

    def batch(self, start: int, n: int) -> Batch:
        """Samples start .. start + n - 1: sample k is composer characters 2k (A) and 2k + 1 (the
        partner; B when the sample is a mix)."""
        targets, figures, sa, ca, sb, cb, sp, cp, flags, edits = [], [], [], [], [], [], [], [], [], []
        coded = []
        for k in range(start, start + n):
            a = self.mixer.layers(self.composer.plan(self.seed, 2 * k)["layers"])
            partner = self.mixer.layers(self.composer.plan(self.seed, 2 * k + 1)["layers"])
            mixed = chance(self.seed, k) < self.mix_prob
            b = partner if mixed else a
            drawn = self.mixer.mix(a, b) if mixed else a
            edit = None
            if not mixed and chance(self.seed, k, 78) < self.edit_prob:
                drawn, edit = self._edit(a, k)
            rgb, rgba = self.composer.render([layer.path for layer in drawn], body_of(drawn).path)
            targets.append(rgb)
            figures.append(rgba[..., 3] > 0)
            if self.coder is not None:
                coded.append(self.coder.encode(drawn, figures[-1]))
            flags.append(mixed)
            edits.append(edit)
            for layers, shapes, colours in ((a, sa, ca), (b, sb, cb), (partner, sp, cp)):
                s, c = self.vocabulary.encode(layers)
                shapes.append(s)
                colours.append(c)
        target = torch.from_numpy(np.stack(targets)).permute(0, 3, 1, 2).float() / 127.5 - 1
        figure = torch.from_numpy(np.stack(figures)).unsqueeze(1).float()
        palette = None
        if coded:
            slot, shade, colours, present = (np.stack(x) for x in zip(*coded))
            palette = {"slot": torch.from_numpy(slot), "shade": torch.from_numpy(shade),
                       "colours": torch.from_numpy(colours).float() / 127.5 - 1, "present": torch.from_numpy(present)}
        return Batch(target, figure, sa, ca, sb, cb, sp, cp, torch.tensor(flags), edits, palette)

    def palette_pool(self, n: int) -> "PalettePool":
        """n characters for the palette head alone (labels and colour tables only, no drawing), a
        mix_prob share of them A's shapes in B's colours. Their composer indices lie far above those
        of the drawn samples."""
        sa, ca, sb, cb, palettes, present = [], [], [], [], [], []
        for j in range(n):
            k = PALETTE_INDEX_BASE + j
            a = self.mixer.layers(self.composer.plan(self.seed, 2 * k)["layers"])
            b = a
            if chance(self.seed, k) < self.mix_prob:
                b = self.mixer.layers(self.composer.plan(self.seed, 2 * k + 1)["layers"])
            for layers, shapes, colours in ((a, sa, ca), (b, sb, cb)):
                s, c = self.vocabulary.encode(layers)
                shapes.append(s)
                colours.append(c)
            p, has = self.coder.palette(self.mixer.mix(a, b) if b is not a else a)
            palettes.append(p)
            present.append(has)
        return PalettePool(sa, ca, sb, cb, torch.from_numpy(np.stack(palettes)).float() / 127.5 - 1,
                           torch.from_numpy(np.stack(present)))

    def _edit(self, layers, k: int):
        """A recolouring of one colour class of the character, and its (class tokens, colour token)."""
        options = recolour_options(self.mixer, layers)
        if not options:
            return layers, None
        classes = sorted(options)
        cls = classes[int(chance(self.seed, k, 79) * len(classes))]
        colour = options[cls][int(chance(self.seed, k, 80) * len(options[cls]))]
        token = self.vocabulary.colour_index.get(f"{cls}:{colour}")
        if token is None:
            return layers, None
        return recolour(self.mixer, layers, cls, colour), (self.vocabulary.colour_class(cls), token)


def chance(seed: int, k: int, stream: int = 77) -> float:
    return float(np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, k, stream]))).random())
