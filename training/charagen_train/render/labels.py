"""A composed character's layers as tokens of two kinds, shape and colour, and the label-level
mix "A's shapes in B's colours" that the sprite model's layer groups are trained on.

Every accepted LPC layer is one item (a hair style, a shirt cut, a body) drawn in one colour. Its
shape token names the item without its colour; its colour token names the colour within its
colour class:

    hair/male/page/blonde.png                     shape 'hair:male:hair/page'   colour 'hair:blonde'
    body/female/tanned2.png                       shape 'body:female:body'      colour 'skin:tanned2'
    torso/shirts/longsleeve/male/teal_longsleeve  shape 'torso:male:torso/shirts/longsleeve:longsleeve'
                                                  colour 'torso:teal'

Colour classes: 'skin' (body, ears, nose share the tone), 'eyes', 'hair' (hair and beards share
the colour), and one per garment category (torso, legs, feet, belt, accessories, head). A layer
whose name carries no colour word (chain mail, a bow tie) has the colour 'intrinsic' of its class.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from ..data.lpc_catalogue import Layer, LpcCatalogue

#: Colour words in garment names, longest first so that 'dark brown' wins over 'brown'.
COLOUR_WORDS: Tuple[str, ...] = (
    "dark brown", "dark gray", "forest green", "light gray", "teal2", "lavender", "magenta", "maroon",
    "purple", "yellow", "bronze", "silver", "black", "brown", "green", "white", "blue", "gray", "gold",
    "iron", "pink", "teal", "red",
)
#: Categories whose layer name is the colour itself (a tone, an eye or hair colour).
NAME_IS_COLOUR = {"body": "skin", "ears": "skin", "nose": "skin", "eyes": "eyes", "hair": "hair",
                  "facial": "hair"}
INTRINSIC = "intrinsic"
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class LayerTokens:
    shape: str
    colour: str
    colour_class: str
    colour_name: str


def layer_tokens(layer: Layer) -> LayerTokens:
    if layer.category in NAME_IS_COLOUR:
        cls = NAME_IS_COLOUR[layer.category]
        return LayerTokens(f"{layer.category}:{layer.sex}:{layer.group}", f"{cls}:{layer.name}", cls, layer.name)
    colour, rest = _split_colour(layer.name)
    cls = layer.category
    return LayerTokens(f"{layer.category}:{layer.sex}:{layer.group}:{rest}", f"{cls}:{colour}", cls, colour)


def _split_colour(name: str) -> Tuple[str, str]:
    """(colour word or 'intrinsic', the name without it) of a garment layer's name."""
    lowered = name.lower()
    for word in COLOUR_WORDS:
        pattern = r"(^|[_\- ])" + re.escape(word) + r"($|[_\- ])"
        match = re.search(pattern, lowered)
        if match:
            rest = (lowered[:match.start()] + " " + lowered[match.end():])
            return word, "_".join(_WORD.findall(rest)) or "plain"
    return INTRINSIC, "_".join(_WORD.findall(lowered)) or "plain"


class Vocabulary:
    """The shape and colour tokens of a catalogue's accepted layers, in a fixed order (sorted), and
    the layers by (shape, colour) for mixing. Stored in a run and a model card as two lists, so the
    embedding rows keep their meaning whatever catalogue is scanned later."""

    def __init__(self, shapes: Sequence[str], colours: Sequence[str]):
        self.shapes = list(shapes)
        self.colours = list(colours)
        self.shape_index = {t: i for i, t in enumerate(self.shapes)}
        self.colour_index = {t: i for i, t in enumerate(self.colours)}

    @classmethod
    def of(cls, catalogue: LpcCatalogue) -> "Vocabulary":
        tokens = [layer_tokens(layer) for layer in catalogue.layers]
        return cls(sorted({t.shape for t in tokens}), sorted({t.colour for t in tokens}))

    def to_json(self) -> dict:
        return {"shapes": self.shapes, "colours": self.colours}

    @classmethod
    def from_json(cls, data: dict) -> "Vocabulary":
        return cls(data["shapes"], data["colours"])

    def colour_class(self, colour_class: str) -> List[int]:
        """Indices of the colour tokens of a class, 'intrinsic' left out."""
        return [i for i, t in enumerate(self.colours)
                if t.startswith(colour_class + ":") and t != f"{colour_class}:{INTRINSIC}"]

    def encode(self, layers: Sequence[Layer]) -> Tuple[List[int], List[int]]:
        """(shape indices, colour indices) of a character's layers; a layer this vocabulary does
        not know raises KeyError naming it."""
        shapes, colours = [], []
        for layer in layers:
            t = layer_tokens(layer)
            if t.shape not in self.shape_index or t.colour not in self.colour_index:
                raise KeyError(f"layer {layer.path} (tokens {t.shape}, {t.colour}) is not in the model's vocabulary")
            shapes.append(self.shape_index[t.shape])
            colours.append(self.colour_index[t.colour])
        return shapes, colours


class LabelMixer:
    """A's shapes in B's colours: each of A's layers takes B's colour of its class where the catalogue
    has that item in that colour, and keeps its own otherwise (B without that class, or the item
    not made in B's colour)."""

    def __init__(self, catalogue: LpcCatalogue):
        self.catalogue = catalogue
        self.variants: Dict[str, Dict[str, Layer]] = {}
        for layer in catalogue.layers:
            t = layer_tokens(layer)
            self.variants.setdefault(t.shape, {})[t.colour_name] = layer
        self.by_path = {layer.path: layer for layer in catalogue.layers}

    def layers(self, paths: Sequence[str]) -> List[Layer]:
        return [self.by_path[p] for p in paths]

    def mix(self, shapes_of: Sequence[Layer], colours_of: Sequence[Layer]) -> List[Layer]:
        wanted: Dict[str, str] = {}
        for layer in colours_of:
            t = layer_tokens(layer)
            if t.colour_name != INTRINSIC:
                wanted.setdefault(t.colour_class, t.colour_name)
        out = []
        for layer in shapes_of:
            t = layer_tokens(layer)
            colour = wanted.get(t.colour_class)
            out.append(self.variants[t.shape].get(colour, layer) if colour else layer)
        return out


def recolour_options(mixer: "LabelMixer", layers: Sequence[Layer]) -> Dict[str, List[str]]:
    """For each colour class the character has, the other colours its first item of that class comes in."""
    out: Dict[str, List[str]] = {}
    for layer in layers:
        t = layer_tokens(layer)
        if t.colour_name == INTRINSIC or t.colour_class in out:
            continue
        others = sorted(c for c in mixer.variants[t.shape] if c not in (t.colour_name, INTRINSIC))
        if others:
            out[t.colour_class] = others
    return out


def recolour(mixer: "LabelMixer", layers: Sequence[Layer], colour_class: str, colour: str) -> List[Layer]:
    """The character with every item of a colour class in `colour` where the item comes in it."""
    return [mixer.variants[layer_tokens(l).shape].get(colour, l) if layer_tokens(l).colour_class == colour_class else l
            for l in layers]


def body_of(layers: Sequence[Layer]) -> Optional[Layer]:
    return next((layer for layer in layers if layer.category == "body"), None)
