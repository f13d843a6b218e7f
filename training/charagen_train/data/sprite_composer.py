"""Random but coherent LPC characters, composited onto the training canvas (sheet_layout).

`SpriteComposer(lpc_root).compose(seed, index)` is a pure function of (seed, index) and the
LPC folder: the random draws come from numpy's PCG64 seeded with SeedSequence([seed, index])
and only `Generator.random()` is used (its stream is the same on numpy 1.x and 2.x), so the
same pair gives the same bytes on every machine.

A character is drawn in this order: sex (1:1), skin tone, eye colour, nose and ears of the
same tone, hair style and colour (colour names are shared by all styles; a beard takes the
hair's colour), an outfit archetype that decides which torso, legs, feet, belt and
accessory groups are plausible together (see OUTFITS), optional headgear (about 25%) and, for
men, optional facial hair (about 20%). Layers are composited back to front in the ORIGIN.md
order with float "over" compositing, then alpha is made binary (>= 128 of 255 is figure).

Decoded layers are kept per process, already cut into the canvas's 16 cells and reduced to
their non-transparent pixels (int32 flat indices, uint8 colours, float32 alpha; about 35 KB
a layer), so composing costs a few numpy scatter operations per layer.
"""
from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from PIL import Image

from . import sheet_layout as sl
from .lpc_catalogue import CATEGORIES, Layer, LpcCatalogue, load_catalogue, walk_rows_rgba

COMPOSER_VERSION = 1

# ------------------------------------------------------------------ probabilities
#: Relative weights; names missing from the catalogue are skipped, names not listed get 1.
TONE_WEIGHTS = {"light": 1.0, "tanned": 1.0, "tanned2": 1.0, "dark": 1.0, "dark2": 1.0,
                "darkelf": 0.35, "darkelf2": 0.35}
EYE_WEIGHTS = {"blue": 1.0, "brown": 1.0, "gray": 0.7, "green": 0.7,
               "orange": 0.15, "purple": 0.15, "red": 0.15, "yellow": 0.15}
#: Fantasy hair colours are rarer than natural ones.
HAIR_COLOUR_WEIGHTS = {"blue": 0.15, "blue2": 0.15, "green": 0.15, "green2": 0.15,
                       "pink": 0.2, "pink2": 0.2, "purple": 0.15, "ruby-red": 0.3,
                       "white-cyan": 0.15}
#: Dark elves favour pale hair (weights multiplied).
DARKELF_HAIR_BOOST = {"white": 4.0, "white-blonde": 3.0, "white-blonde2": 3.0, "gray": 2.0,
                      "gray2": 2.0, "white-cyan": 3.0, "light-blonde": 1.5}
HAIR_STYLE_WEIGHTS = {
    "male": {"longhawk": 0.4, "shorthawk": 0.6, "loose": 0.7, "ponytail": 0.8},
    "female": {"longhawk": 0.25, "shorthawk": 0.35, "loose": 1.3, "ponytail": 1.2},
}
P_NOSE = 0.5          # a nose layer (else the body's own face)
P_EARS = 0.2          # big or elven ears for humans
P_ELF_EARS = 0.85     # elven ears for dark-elf tones
P_HEADGEAR = 0.25
P_BEARD_MALE = 0.2
#: Garments that nearly match a skin tone make a character look undressed (brown cloth on the
#: dark tones, seen on contact sheets): those are this much less likely for that tone.
SKIN_LIKE_GARMENTS = {"dark": ("brown",), "dark2": ("brown",)}
SKIN_LIKE_FACTOR = 0.1
HEADGEAR_BIAS = 2.0
BEARD_WEIGHTS = {"beard": 1.0, "fiveoclock": 1.0, "mustache": 0.8, "bigstache": 0.5,
                 "frenchstache": 0.5}

# Outfits: each slot is a list of (probability of the option, [groups], name filter);
# the first option whose random draw hits is used; a slot left None is not drawn.
# Groups are LpcCatalogue groups (folder path without sex folders).
Option = Tuple[float, Sequence[str], Optional[str]]


@dataclass(frozen=True)
class Outfit:
    name: str
    weight: float
    torso: Sequence[Sequence[Option]]  # layers drawn in this order; each entry a list of options
    legs: Sequence[Option]
    feet: Sequence[Option]
    belt: Sequence[Option] = ()
    accessories: Sequence[Option] = ()
    headgear_bias: Sequence[str] = ()  # headgear groups preferred with this outfit


def _opt(p: float, *groups: str, name: Optional[str] = None) -> Option:
    return (p, groups, name)


SHOES = [_opt(0.92, "feet/shoes")]
OUTFITS: Dict[str, List[Outfit]] = {
    "male": [
        Outfit("commoner", 0.40,
               torso=[[_opt(1.0, "torso/shirts/longsleeve")]],
               legs=[_opt(1.0, "legs/pants")], feet=SHOES,
               belt=[_opt(0.4, "belt/leather", "belt/cloth")]),
        Outfit("monk", 0.07,
               torso=[[_opt(1.0, "torso/shirts/longsleeve", name="brown|white")]],
               legs=[_opt(1.0, "legs/skirt")], feet=[_opt(0.8, "feet/shoes", name="brown|black")],
               belt=[_opt(0.7, "belt/cloth", "belt/leather")], headgear_bias=("head/hoods",)),
        Outfit("formal", 0.13,
               torso=[[_opt(1.0, "formal/shirt")], [_opt(0.6, "formal/vest")]],
               legs=[_opt(1.0, "formal/pants")], feet=[_opt(1.0, "feet/shoes", name="black|brown")],
               accessories=[_opt(0.6, "formal/tie", "formal/bowtie")]),
        Outfit("adventurer", 0.18,
               torso=[[_opt(0.7, "torso/shirts/longsleeve")], [_opt(1.0, "torso/leather", name="chest")],
                      [_opt(0.5, "torso/leather", name="shoulders")]],
               legs=[_opt(1.0, "legs/pants")], feet=[_opt(1.0, "feet/shoes", name="brown|black")],
               belt=[_opt(0.6, "belt/leather")], headgear_bias=("head/bandanas", "head/hoods")),
        Outfit("soldier", 0.14,
               torso=[[_opt(1.0, "torso/chain", name="mail")], [_opt(0.6, "torso/chain/tabard")]],
               legs=[_opt(1.0, "legs/armor", name="metal"), ],
               feet=[_opt(1.0, "feet/shoes", name="black|brown")],
               belt=[_opt(0.5, "belt/leather")], headgear_bias=("head/hoods",)),
        Outfit("knight", 0.08,
               torso=[[_opt(1.0, "torso/plate", name="chest")], [_opt(0.8, "torso/plate", name="arms")]],
               legs=[_opt(1.0, "legs/armor", name="metal")], feet=[_opt(1.0, "feet/shoes", name="black")],
               headgear_bias=("head/hoods",)),
        # Golden greaves read as bare legs on tanned and dark skin: steel legs instead.
        Outfit("paladin", 0.03,
               torso=[[_opt(1.0, "torso/gold", name="chest")], [_opt(1.0, "torso/gold", name="arms")]],
               legs=[_opt(1.0, "legs/armor", name="metal")], feet=[_opt(1.0, "feet/shoes", name="brown|maroon")]),
    ],
    "female": [
        Outfit("commoner", 0.34,
               torso=[[_opt(1.0, "torso/shirts/sleeveless", "torso/tunics")]],
               legs=[_opt(0.7, "legs/pants"), _opt(1.0, "legs/skirt")],
               feet=[_opt(0.92, "feet/shoes", "feet/ghillies_female_no_th-sh", "feet/slippers_female")],
               belt=[_opt(0.45, "belt/cloth", "belt/leather", "belt/metal")],
               accessories=[_opt(0.2, "accessories/necklaces_female_ no_th-sh"),
                            _opt(0.1, "accessories/neck/capeclip", "accessories/neck/capetie")]),
        Outfit("dress", 0.14,
               torso=[[_opt(1.0, "torso/dress_female", name="dress")], [_opt(0.35, "torso/dress_female", name="vest")]],
               legs=[], feet=[_opt(1.0, "feet/slippers_female", "feet/shoes", "feet/ghillies_female_no_th-sh")],
               accessories=[_opt(0.35, "accessories/necklaces_female_ no_th-sh")]),
        Outfit("robe", 0.18,
               torso=[[_opt(1.0, "torso/robes_female_no_th-sh")]],
               legs=[], feet=[_opt(0.95, "feet/shoes", "feet/slippers_female")],
               belt=[_opt(0.4, "belt/cloth", "belt/metal", "belt/leather")],
               accessories=[_opt(0.2, "accessories/necklaces_female_ no_th-sh"),
                            _opt(0.15, "accessories/neck/capeclip", "accessories/neck/capetie")],
               headgear_bias=("head/hoods",)),
        Outfit("adventurer", 0.16,
               torso=[[_opt(1.0, "torso/shirts/sleeveless", "torso/tunics")], [_opt(1.0, "torso/leather", name="chest")],
                      [_opt(0.4, "torso/leather", name="shoulders")]],
               legs=[_opt(1.0, "legs/pants")], feet=[_opt(1.0, "feet/shoes", "feet/ghillies_female_no_th-sh")],
               belt=[_opt(0.5, "belt/leather", "belt/buckles_female_no_th-sh")],
               headgear_bias=("head/bandanas",)),
        Outfit("soldier", 0.10,
               torso=[[_opt(1.0, "torso/chain", name="mail")], [_opt(0.6, "torso/chain/tabard")]],
               legs=[_opt(1.0, "legs/armor", name="metal")], feet=[_opt(1.0, "feet/shoes", name="black|brown")],
               belt=[_opt(0.4, "belt/leather", "belt/metal")], headgear_bias=("head/hoods",)),
        Outfit("knight", 0.06,
               torso=[[_opt(1.0, "torso/plate", name="chest")], [_opt(0.8, "torso/plate", name="arms")]],
               legs=[_opt(1.0, "legs/armor", name="metal")], feet=[_opt(1.0, "feet/shoes", name="black")]),
        Outfit("paladin", 0.02,
               torso=[[_opt(1.0, "torso/gold", name="chest")], [_opt(1.0, "torso/gold", name="arms")]],
               legs=[_opt(1.0, "legs/armor", name="metal")], feet=[_opt(1.0, "feet/shoes", name="brown|maroon")]),
    ],
}


@dataclass
class Sample:
    """One composed character: `rgb` uint8 [256, 256, 3] on the layout's background, `rgba`
    uint8 [256, 256, 4] with binary alpha (transparent pixels are 0, 0, 0, 0), `labels`."""
    rgb: np.ndarray
    rgba: np.ndarray
    labels: dict


class _Draw:
    """Random draws from Generator.random() only (stable across numpy versions)."""

    def __init__(self, seed: int, index: int):
        if int(seed) < 0 or int(index) < 0:
            raise ValueError(f"seed and index must be >= 0 (got seed {seed}, index {index})")
        self.rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence([int(seed), int(index)])))

    def uniform(self) -> float:
        return float(self.rng.random())

    def chance(self, p: float) -> bool:
        return self.uniform() < p

    def pick(self, items: Sequence, weights: Optional[Sequence[float]] = None):
        if not items:
            raise ValueError("nothing to choose from")
        w = [1.0] * len(items) if weights is None else [float(x) for x in weights]
        cum = []
        total = 0.0
        for x in w:
            total += max(x, 0.0)
            cum.append(total)
        if total <= 0:
            raise ValueError("all weights are zero")
        i = bisect.bisect_right(cum, self.uniform() * total)
        return items[min(i, len(items) - 1)]


def item_label(layer: Layer) -> str:
    """A short readable name of a layer: its path without the category folder, sex folders
    and '.png' (e.g. 'shirts/longsleeve/white_longsleeve', 'chain/mail_male')."""
    parts = layer.path[:-4].split("/")
    if parts[0] == "formal_male_no_th-sh":
        return "formal/" + parts[-1]
    return "/".join(p for p in parts[1:] if p not in ("male", "female"))


class SpriteComposer:
    """Composes training canvases from the accepted layers of an LPC folder."""

    def __init__(self, lpc_root, catalogue: Optional[LpcCatalogue] = None):
        self.catalogue = catalogue if catalogue is not None else load_catalogue(lpc_root)
        self.root = Path(self.catalogue.root)
        self._sparse: Dict[Tuple[str, Tuple], Tuple[np.ndarray, np.ndarray, np.ndarray, bool]] = {}
        self._lock = threading.Lock()
        self._background_flat = np.tile(np.array(sl.BACKGROUND, dtype=np.uint8), (sl.CANVAS * sl.CANVAS, 1))

    # ------------------------------------------------------------------ plan
    def plan(self, seed: int, index: int) -> dict:
        """The labels of character (seed, index), including 'layers' (draw order) and 'body'."""
        cat = self.catalogue
        d = _Draw(seed, index)
        sex = d.pick(["male", "female"])
        tones = cat.tones(sex)
        tone = d.pick(tones, [TONE_WEIGHTS.get(t, 1.0) for t in tones])
        body = next(l for l in cat.select("body", sex) if l.name == tone)
        chosen: List[Layer] = [body]

        eyes = cat.select("eyes", sex)
        eye = d.pick(eyes, [EYE_WEIGHTS.get(l.name, 0.3) for l in eyes]) if eyes else None
        if eye:
            chosen.append(eye)

        noses = [l for l in cat.select("nose", sex) if l.name == tone]
        nose = d.pick(noses) if noses and d.chance(P_NOSE) else None
        if nose:
            chosen.append(nose)
        ears = [l for l in cat.select("ears", sex) if l.name == tone]
        elf = tone.startswith("darkelf")
        ear = None
        if ears and d.chance(P_ELF_EARS if elf else P_EARS):
            elven = [l for l in ears if "elven" in l.group]
            ear = d.pick(elven) if elf and elven else d.pick(ears)
            chosen.append(ear)

        styles = cat.hair_styles(sex)
        style = d.pick(styles, [HAIR_STYLE_WEIGHTS[sex].get(s, 1.0) for s in styles])
        colours = cat.hair_colours(sex)
        cw = [HAIR_COLOUR_WEIGHTS.get(c, 1.0) * (DARKELF_HAIR_BOOST.get(c, 1.0) if elf else 1.0)
              for c in colours]
        colour = d.pick(colours, cw)
        hair = next(l for l in cat.select("hair", sex, group=f"hair/{style}") if l.name == colour)
        chosen.append(hair)

        outfits = OUTFITS[sex]
        outfit = d.pick(outfits, [o.weight for o in outfits])
        skin_like = SKIN_LIKE_GARMENTS.get(tone, ())
        torso = []
        for piece in outfit.torso:
            layer = self._slot(d, sex, "torso", piece, avoid=() if torso else skin_like)
            if layer:
                torso.append(layer)
        legs = self._slot(d, sex, "legs", outfit.legs, avoid=skin_like)
        feet = self._slot(d, sex, "feet", outfit.feet)
        belt = self._slot(d, sex, "belt", outfit.belt)
        acc = self._slot(d, sex, "accessories", outfit.accessories)
        chosen += torso + [l for l in (legs, feet, belt, acc) if l]

        headgear = None
        if d.chance(P_HEADGEAR):
            heads = cat.select("head", sex)
            if heads:
                w = [HEADGEAR_BIAS if any(l.group.startswith(b) for b in outfit.headgear_bias) else 1.0 for l in heads]
                headgear = d.pick(heads, w)
                chosen.append(headgear)

        beard = None
        if sex == "male" and d.chance(P_BEARD_MALE):
            beards = [l for l in cat.select("facial", sex) if l.name == colour]
            if beards:
                beard = d.pick(beards, [BEARD_WEIGHTS.get(l.group.split("/")[-1], 1.0) for l in beards])
                chosen.append(beard)

        order = {c: i for i, c in enumerate(CATEGORIES)}
        layers = [l for _, l in sorted(enumerate(chosen), key=lambda t: (order[t[1].category], t[0]))]
        return {
            "seed": int(seed), "index": int(index),
            "sex": sex, "skin_tone": tone,
            "eye_colour": eye.name if eye else None,
            "nose": nose.group.split("/")[-1] if nose else None,
            "ears": ear.group.split("/")[-1] if ear else None,
            "hair_style": style, "hair_colour": colour,
            "outfit": outfit.name,
            "torso": "+".join(item_label(l) for l in torso) or None,
            "legs": item_label(legs) if legs else None,
            "feet": item_label(feet) if feet else None,
            "belt": item_label(belt) if belt else None,
            "accessory": item_label(acc) if acc else None,
            "headgear": item_label(headgear) if headgear else None,
            "beard": beard.group.split("/")[-1] if beard else None,
            "body": body.path,
            "layers": [l.path for l in layers],
        }

    def _slot(self, d: _Draw, sex: str, category: str, options: Sequence[Option],
              avoid: Sequence[str] = ()) -> Optional[Layer]:
        """The first option whose chance hits, then a layer of its groups (name filter: any of
        the '|'-separated words); names containing an `avoid` word are SKIN_LIKE_FACTOR as likely."""
        for p, groups, name in options:
            if not d.chance(p):
                continue
            pool = [l for g in groups for l in self.catalogue.select(category, sex, group=g)
                    if name is None or any(n in l.name for n in name.split("|"))]
            if pool:
                w = [SKIN_LIKE_FACTOR if any(a in l.name for a in avoid) else 1.0 for l in pool]
                return d.pick(pool, w)
        return None

    # ---------------------------------------------------------------- render
    def compose(self, seed: int, index: int) -> Sample:
        labels = self.plan(seed, index)
        rgb, rgba = self.render(labels["layers"], labels["body"])
        return Sample(rgb, rgba, labels)

    def render(self, layer_paths: Sequence[str], body_path: str) -> Tuple[np.ndarray, np.ndarray]:
        """Composite the given layers (back to front, as listed) onto the training canvas,
        using the lifts of `body_path`. Returns (rgb on the background, rgba binary alpha)."""
        n = sl.CANVAS * sl.CANVAS
        prem = np.zeros((n, 3), dtype=np.float32)
        alpha = np.zeros(n, dtype=np.float32)
        lifts = self.catalogue.lifts[body_path]
        for path in layer_paths:
            idx, colour, a, opaque = self._layer(path, lifts)
            if opaque:
                prem[idx] = colour
                alpha[idx] = 1.0
            else:
                keep = (1.0 - a)[:, None]
                prem[idx] = colour.astype(np.float32) * a[:, None] + prem[idx] * keep
                alpha[idx] = a + alpha[idx] * (1.0 - a)
        touched = np.flatnonzero(alpha > 0)
        sel = touched[np.rint(alpha[touched] * 255.0) >= 128]
        colour = np.clip(np.rint(prem[sel] / alpha[sel, None]), 0, 255).astype(np.uint8)
        rgb = self._background_flat.copy()
        rgb[sel] = colour
        rgba = np.zeros((n, 4), dtype=np.uint8)
        rgba[sel, :3] = colour
        rgba[sel, 3] = 255
        return rgb.reshape(sl.CANVAS, sl.CANVAS, 3), rgba.reshape(sl.CANVAS, sl.CANVAS, 4)

    def _layer(self, path: str, lifts: Dict[Tuple[str, int], int]):
        key = (path, tuple(sorted(lifts.items())))
        hit = self._sparse.get(key)
        if hit is not None:
            return hit
        with Image.open(self.root / path) as im:
            walk = walk_rows_rgba(im)
        canvas = np.zeros((sl.CANVAS, sl.CANVAS, 4), dtype=np.uint8)
        for row, col, direction, lpc_row, lpc_col in sl.used_frames():
            frame = walk[lpc_row - 8, lpc_col]
            lift = lifts[(direction, lpc_col)]
            x, y = sl.cell_origin(row, col)
            if lift and frame[:lift, :, 3].any():
                raise AssertionError(f"{path}: {direction} frame {lpc_col} has pixels in the {lift} "
                                     f"rows the lift drops")
            canvas[y:y + sl.CELL - lift, x:x + sl.CELL] = frame[lift:]
        flat = canvas.reshape(-1, 4)
        idx = np.flatnonzero(flat[:, 3] > 0).astype(np.int32)
        colour = np.ascontiguousarray(flat[idx, :3])  # uint8; cast when composited
        a = flat[idx, 3].astype(np.float32) / np.float32(255.0)
        opaque = bool((flat[idx, 3] == 255).all())
        entry = (idx, colour, a, opaque)
        with self._lock:
            self._sparse[key] = entry
        return entry
