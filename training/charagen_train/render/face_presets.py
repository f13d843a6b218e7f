"""Expression and archetype presets of a renderer portrait model, made from labels.

An expression preset replaces the model's `expression` layers with the w of faces wearing that
expression's mouth, eyes and eyebrows: the label mix the renderer was trained on (A's identity
with B's expression), so a portrait keeps its hair, skin and accessories and takes the
expression. An archetype preset replaces the `accessories` layers the same way, with faces
wearing the archetype's glasses, earrings or features, so that `generate --archetype villain`
changes the portrait as it changes the sprite; the identity, which the sprite's head sets, stays.

Each preset's w is the mean of E over many faces (the identities of faces 0..N-1 of a seed)
wearing the parts: E is a sum of token vectors, so this is the parts' vectors plus an average
identity, the face B that carries no particular identity of its own.

The parts were chosen by looking at one face in every variant of the style's table: each
expression changes both the eyes and the mouth from neutral. The mouths are the larger ones of their
expression: on 12 DiceBear faces at 144 px, happy's open smile (variant01) changes 17.5% of the
mouth region from neutral's closed lips and sad's wailing frown (variant14) 18.6%, where the first
choices, a thin smile (variant02) and a small frown (variant04), changed 3.5% and 4.8%: the 40 kimg
model drew those so faintly that check-faces found no change (face_checks.py).
"""
from dataclasses import dataclass
from typing import Dict, List, Optional

import numpy as np
import torch

from ..data.portrait_builder import draw_sample
from .faces import ACCESSORY_PARTS, EXPRESSION_PARTS, encode_all


@dataclass(frozen=True)
class FacePreset:
    name: str
    kind: str            # 'expression' or 'archetype'
    parts: Dict[str, Optional[str]]
    description: str

    @property
    def layer_group(self) -> str:
        return "expression" if self.kind == "expression" else "accessories"


EXPRESSION_PRESETS = (
    FacePreset("neutral", "expression", {"mouth": "variant09", "eyes": "variant01", "eyebrows": "variant10"},
               "neutral: closed mouth, open eyes, calm brows"),
    FacePreset("happy", "expression", {"mouth": "variant01", "eyes": "variant19", "eyebrows": "variant11"},
               "happy: an open smile, eyes closed in arcs, raised brows"),
    FacePreset("sad", "expression", {"mouth": "variant14", "eyes": "variant15", "eyebrows": "variant07"},
               "sad: an open, wailing frown, drooping lids, brows raised at the middle"),
    FacePreset("angry", "expression", {"mouth": "variant22", "eyes": "variant04", "eyebrows": "variant01"},
               "angry: a grimace, lowered lids, brows slanting down to the middle"),
    FacePreset("surprised", "expression", {"mouth": "variant15", "eyes": "variant06", "eyebrows": "variant09"},
               "surprised: a wide open mouth, wide eyes, raised arches"),
)

ARCHETYPE_PRESETS = (
    FacePreset("hero", "archetype", {"glasses": None, "earrings": None, "features": None},
               "hero: no glasses, earrings or marks"),
    FacePreset("heroine", "archetype", {"glasses": None, "earrings": "variant03", "features": "blush"},
               "heroine: earrings and blushing cheeks"),
    FacePreset("villain", "archetype", {"glasses": None, "earrings": None, "features": "mustache"},
               "villain: a curled moustache"),
    FacePreset("elder", "archetype", {"glasses": "variant05", "earrings": None, "features": None},
               "elder: reading glasses low on the nose"),
)

assert all(set(p.parts) == set(EXPRESSION_PARTS) for p in EXPRESSION_PRESETS)
assert all(set(p.parts) == set(ACCESSORY_PARTS) for p in ARCHETYPE_PRESETS)


#: How many faces' identities each preset's w is averaged over.
FACES = 256


def wearing(preset: FacePreset, palettes: dict, count: int = FACES, seed: int = 0) -> List[dict]:
    """Faces 0..count-1 of `seed` wearing the preset's parts."""
    return [{**draw_sample(seed, i, palettes), **preset.parts} for i in range(count)]


@torch.no_grad()
def preset_w(encoder, vocabulary, preset: FacePreset, palettes: dict, count: int = FACES) -> np.ndarray:
    """[w_dim]: the mean w of faces wearing the preset's parts."""
    shapes, colours = encode_all(vocabulary, wearing(preset, palettes, count))
    return encoder(shapes, colours).mean(0).numpy()
