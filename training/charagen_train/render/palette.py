"""Palette output for the renderer: a sheet as two class maps and a palette, instead of RGB.

Why: LPC sheets are pixel art, and nine in ten figure pixels differ from a neighbour by more than
dE 10. A network that draws RGB with a pixel loss blurs such edges into mixed colours that are
wrong on both sides. Drawn as classes, a soft edge still gives the right pixel on each side once
the most likely class is taken (a truth blurred by 0.9 px keeps 0.38 of its figure pixels within
dE 10 as RGB, 0.78 as the argmax of its blurred class maps).

Every figure pixel comes from one LPC layer file (the topmost one covering it), and each file
uses a handful of colours. So a pixel is (slot, shade):
- slot: which layer it comes from, by category in the stacking order (torso has three slots, as
  an outfit stacks up to three torso layers), or 0 for the background;
- shade: which of the layer's colours, numbered by the item's reference file: its colours sorted
  dark to light, at most SHADES of them. A recoloured variant of the item takes the reference's
  shade at each of its pixels, so the shade map depends on the items (the shape group) and the
  palette on their colours. The reference is the variant with the most colours (the first by path
  among those): variants draw one template, and some merge neighbouring tones into one colour
  (black hair has 3 or 4 where blonde has 6), so only the finest variant numbers every variant's
  pixels consistently. (With the first variant by path, black, as the reference, no hair variant
  was a clean recolouring of it, each fell back to its own ranks, and one hair style's shade map
  differed between colours.)
The palette gives each (slot, shade) its colour for one character; a small network (PaletteHead)
predicts it from the character's w.
"""

from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch
from torch import nn

from .. import images
from ..checkpoint.errors import CheckpointError
from ..data import sheet_layout as sl
from ..data.lpc_catalogue import CATEGORIES, Layer
from .labels import body_of, layer_tokens

SHADES = 16
#: Slots per category: an outfit stacks up to three torso layers, every other category one.
SLOTS_PER_CATEGORY = {"torso": 3}
SLOT_NAMES: Tuple[str, ...] = ("background",) + tuple(
    f"{c}.{k}" if SLOTS_PER_CATEGORY.get(c, 1) > 1 else c
    for c in CATEGORIES for k in range(SLOTS_PER_CATEGORY.get(c, 1)))
SLOTS = len(SLOT_NAMES)
_FIRST_SLOT = {}
for _i, _name in enumerate(SLOT_NAMES[1:], start=1):
    _FIRST_SLOT.setdefault(_name.split(".")[0], _i)


def _luma(packed: np.ndarray) -> np.ndarray:
    return (packed >> 16) * 0.299 + ((packed >> 8) & 255) * 0.587 + (packed & 255) * 0.114


def _pack(colours: np.ndarray) -> np.ndarray:
    c = colours.astype(np.int64)
    return (c[:, 0] << 16) | (c[:, 1] << 8) | c[:, 2]


def _unpack(packed: np.ndarray) -> np.ndarray:
    return np.stack([packed >> 16, (packed >> 8) & 255, packed & 255], axis=-1).astype(np.uint8)


class PaletteCoder:
    """The (slot, shade) maps and the palette of composed characters, exact targets for training."""

    def __init__(self, composer):
        self.composer = composer
        self._variants: Dict[str, List[str]] = {}
        for layer in sorted(composer.catalogue.layers, key=lambda l: l.path):
            self._variants.setdefault(layer_tokens(layer).shape, []).append(layer.path)
        self._references: Dict[str, str] = {}
        self._shades: Dict[tuple, Tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def reference(self, layer: Layer, lifts) -> str:
        """The path of the file that numbers the shades of `layer`'s item: of its colour variants, the
        one with the most colours, the first by path among those."""
        shape = layer_tokens(layer).shape
        hit = self._references.get(shape)
        if hit is None:
            variants = self._variants.get(shape, [layer.path])
            counts = [len(np.unique(_pack(self.composer._layer(path, lifts)[1]))) for path in variants]
            hit = self._references[shape] = variants[int(np.argmax(counts))]  # argmax takes the first of ties
        return hit

    def encode(self, layers: Sequence[Layer], figure: Optional[np.ndarray] = None):
        """(slot map int64 [H, W], shade map int64 [H, W], palette uint8 [SLOTS, SHADES, 3],
        present bool [SLOTS, SHADES]) of the character made of `layers` (back to front).
        Figure pixels are those of composer.render (pass its bool [H, W] figure when it is at hand);
        the background has slot 0 and shade 0."""
        n = sl.CANVAS * sl.CANVAS
        body = body_of(layers)
        lifts = self.composer.catalogue.lifts[body.path]
        slot_map, shade_map = np.zeros(n, np.int64), np.zeros(n, np.int64)
        best_alpha = np.zeros(n, np.float32)
        palette = np.zeros((SLOTS, SHADES, 3), np.uint8)
        present = np.zeros((SLOTS, SHADES), bool)
        for layer, slot in zip(layers, _slots(layers)):
            idx, alpha, shades, colours, has = self._file_shades(layer, lifts)
            # The topmost layer that covers a pixel (alpha >= 0.5) owns it; where none does, the most opaque.
            take = (alpha >= 0.5) | ((best_alpha[idx] < 0.5) & (alpha > best_alpha[idx]))
            slot_map[idx[take]] = slot
            shade_map[idx[take]] = shades[take]
            best_alpha[idx] = np.maximum(best_alpha[idx], alpha)
            palette[slot][has] = colours[has]
            present[slot] |= has
        if figure is None:
            figure = self.composer.render([l.path for l in layers], body.path)[1][..., 3] > 0
        figure = figure.reshape(-1)
        slot_map[~figure] = 0
        shade_map[~figure] = 0
        size = (sl.CANVAS, sl.CANVAS)
        return slot_map.reshape(size), shade_map.reshape(size), palette, present

    def palette(self, layers: Sequence[Layer]):
        """(palette uint8 [SLOTS, SHADES, 3], present bool [SLOTS, SHADES]) alone, without drawing the
        maps: a few table lookups per layer once its file has been read."""
        lifts = self.composer.catalogue.lifts[body_of(layers).path]
        palette = np.zeros((SLOTS, SHADES, 3), np.uint8)
        present = np.zeros((SLOTS, SHADES), bool)
        for layer, slot in zip(layers, _slots(layers)):
            _, _, _, colours, has = self._file_shades(layer, lifts)
            palette[slot][has] = colours[has]
            present[slot] |= has
        return palette, present

    def _file_shades(self, layer: Layer, lifts):
        """(canvas indices, alpha, shade per pixel, colour per shade uint8 [SHADES, 3], shade present [SHADES])
        of one layer file at this body's lifts."""
        key = (layer.path, tuple(sorted(lifts.items())))
        hit = self._shades.get(key)
        if hit is not None:
            return hit
        idx, colour, alpha, _ = self.composer._layer(layer.path, lifts)
        packed = _pack(colour)
        own = _shade_numbers(packed)
        ref_path = self.reference(layer, lifts)
        if ref_path == layer.path:
            shades = own
        else:
            ref_idx, ref_colour, _, _ = self.composer._layer(ref_path, lifts)
            ref_shade = np.full(sl.CANVAS * sl.CANVAS, -1, np.int64)
            ref_shade[ref_idx] = _shade_numbers(_pack(ref_colour))
            mapped = ref_shade[idx]
            mapped = np.where(mapped >= 0, mapped, own)  # pixels the reference does not have
            # Keep the reference's numbering only where it is a recolouring: one colour per shade.
            shades = mapped if _one_colour_per_shade(mapped, packed) else own
        colours = np.zeros((SHADES, 3), np.uint8)
        has = np.zeros(SHADES, bool)
        for s in np.unique(shades):
            values, counts = np.unique(packed[shades == s], return_counts=True)
            colours[s] = _unpack(values[counts.argmax()])
            has[s] = True
        entry = (idx, alpha, shades, colours, has)
        self._shades[key] = entry
        return entry


def _slots(layers: Sequence[Layer]) -> list:
    """Each layer's slot: its category's, the n-th torso layer in the n-th torso slot (the last slot
    takes any more)."""
    used: Dict[str, int] = {}
    slots = []
    for layer in layers:
        k = used.get(layer.category, 0)
        used[layer.category] = k + 1
        slots.append(_FIRST_SLOT[layer.category] + min(k, SLOTS_PER_CATEGORY.get(layer.category, 1) - 1))
    return slots


def _one_colour_per_shade(shades: np.ndarray, packed: np.ndarray, tolerance: float = 0.01) -> bool:
    """Whether at most `tolerance` of the pixels differ from their shade's most common colour."""
    pairs = np.unique(np.stack([shades, packed], 1), axis=0, return_counts=True)
    (keys, counts) = pairs
    best = {}
    for (s, _), c in zip(keys, counts):
        best[s] = max(best.get(s, 0), c)
    return len(packed) - sum(best.values()) <= tolerance * len(packed)


def _shade_numbers(packed: np.ndarray) -> np.ndarray:
    """Shade of each pixel: its colour's rank among the file's colours, dark to light; a file with
    more than SHADES colours has runs of neighbouring ranks merged into one shade."""
    values, inverse = np.unique(packed, return_inverse=True)
    order = np.argsort(_luma(values), kind="stable")
    rank = np.empty(len(values), np.int64)
    rank[order] = np.arange(len(values))
    if len(values) > SHADES:
        rank = rank * SHADES // len(values)
    return rank[inverse.reshape(-1)]


class PaletteHead(nn.Module):
    """The palette [N, SLOTS, SHADES, 3] in [-1, 1] from a character's W+: the means of its shape
    and colour groups' ws, through a small MLP and tanh."""

    def __init__(self, w_dim: int, colour_from: int, hidden: int = 512):
        super().__init__()
        self.colour_from = colour_from
        self.net = nn.Sequential(nn.Linear(2 * w_dim, hidden), nn.LeakyReLU(0.2),
                                 nn.Linear(hidden, hidden), nn.LeakyReLU(0.2),
                                 nn.Linear(hidden, SLOTS * SHADES * 3))

    def forward(self, ws: torch.Tensor) -> torch.Tensor:
        x = torch.cat([ws[:, :self.colour_from].mean(1), ws[:, self.colour_from:].mean(1)], dim=1)
        # tanh keeps the colours in range however far a w strays (a plain output diverged at lr 0.005).
        return torch.tanh(self.net(x)).view(-1, SLOTS, SHADES, 3)


def split_logits(logits: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
    """The generator's [N, SLOTS + SHADES, H, W] output as (slot logits, shade logits)."""
    return logits[:, :SLOTS], logits[:, SLOTS:]


def decode(logits: torch.Tensor, palette: torch.Tensor) -> np.ndarray:
    """uint8 [N, H, W, 3]: each pixel the palette colour of its most likely slot and shade, the
    layout's background where the slot is 0."""
    return images.to_uint8(decode_float(logits, palette).numpy())


def decode_float(logits: torch.Tensor, palette: torch.Tensor) -> torch.Tensor:
    """As decode, as float [N, 3, H, W] in [-1, 1] (what the Java runtime's synthesize returns): the
    palette's values themselves, the background as c / 127.5 - 1."""
    slot_logits, shade_logits = split_logits(logits)
    slot, shade = slot_logits.argmax(1), shade_logits.argmax(1)
    n = palette.shape[0]
    rgb = palette.clamp(-1, 1)[torch.arange(n)[:, None, None], slot, shade]  # [N, H, W, 3]
    background = torch.tensor(sl.BACKGROUND, dtype=torch.float32) / 127.5 - 1
    rgb = torch.where((slot == 0)[..., None], background, rgb)
    return rgb.permute(0, 3, 1, 2).contiguous()


def palette_loss(logits: torch.Tensor, palette: torch.Tensor, slot_map: torch.Tensor, shade_map: torch.Tensor,
                 true_palette: torch.Tensor, present: torch.Tensor, figure_weight: torch.Tensor) -> dict:
    """Cross-entropy of the slot map (weighted by figure_weight, [N, 1, H, W], and normalised by it),
    of the shade map on figure pixels, and L1 + L2 of the palette entries the character uses."""
    slot_logits, shade_logits = split_logits(logits)
    weight = figure_weight[:, 0]
    slot_ce = nn.functional.cross_entropy(slot_logits, slot_map, reduction="none")
    slot_term = (slot_ce * weight).sum() / weight.sum()
    figure = (slot_map > 0).float()
    shade_ce = nn.functional.cross_entropy(shade_logits, shade_map, reduction="none")
    shade_term = (shade_ce * figure).sum() / figure.sum().clamp(min=1)
    d = (palette - true_palette)[present]
    colour_term = (d.abs() + d.square()).sum(-1).mean() if len(d) else palette.sum() * 0
    return {"slot": slot_term, "shade": shade_term, "palette": colour_term}


def load_all_but_output_layers(model: nn.Module, state: Dict[str, torch.Tensor]) -> int:
    """Copies an rgb renderer's tensors into a palette-output model: all of them except the output
    layers (torgb, whose shapes differ); the palette head keeps its fresh weights. Returns how many
    were copied; any other difference is an error."""
    own = model.state_dict()
    kept = {}
    for name, value in state.items():
        if name not in own:
            raise CheckpointError("rgb renderer", f"unexpected tensor '{name}'")
        if tuple(own[name].shape) == tuple(value.shape):
            kept[name] = value.float()
        elif ".torgb." not in name:
            raise CheckpointError("rgb renderer", f"tensor '{name}' {list(value.shape)} (expected {list(own[name].shape)})")
    fresh = [name for name in own if name not in kept]
    wrong = [name for name in fresh if not (".torgb." in name or name.startswith("palette."))]
    if wrong:
        raise CheckpointError("rgb renderer", f"missing tensors {', '.join(wrong[:8])}")
    model.load_state_dict({**own, **kept})
    return len(kept)
