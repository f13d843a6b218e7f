"""Which DiceBear face goes with an LPC character: the encoder's training pairs.

The sprite and portrait data sets share the LPC palettes, so the skin tone and hair colour carry
over by name. Hair styles do not: LPC and DiceBear `adventurer` draw different haircuts, so each
of the eight LPC styles the sprite composer uses is given the adventurer variant closest in length
and shape (looked at side by side: LPC front, side and back views beside every adventurer
variant). A moustache or a full beard becomes adventurer's moustache; LPC's stubble (`fiveoclock`)
becomes none, since adventurer has no stubble.

The encoder is trained to name the LPC labels (head classes below), and its export turns each
class into the portrait label encoder's token vector of the paired face part, so that the
exported network outputs w directly.
"""
from typing import Dict, List, Optional

#: LPC hair style -> adventurer hair variant.
HAIR_STYLES: Dict[str, str] = {
    "longhawk": "short15",   # a long crest of hair over a shaved head: the spiky crest
    "shorthawk": "short12",  # a short crest on a shaved head: the tuft
    "loose": "long05",       # long, straight and loose to the shoulders
    "page": "long01",        # a pageboy bob
    "page2": "long21",       # a shorter bob with a fringe
    "pixie": "short09",      # short, swept to one side
    "ponytail": "long19",    # tied back in a ponytail
    "swoop": "long09",       # long, swept over one eye
}

#: LPC skin tones with no face of that name in the portrait palettes.
SKIN_TONES: Dict[str, str] = {"skeleton": "light"}

#: LPC facial hair -> adventurer feature (None: drawn without one).
BEARDS: Dict[str, Optional[str]] = {"beard": "mustache", "bigstache": "mustache", "frenchstache": "mustache",
                                    "mustache": "mustache", "fiveoclock": None}

#: The encoder's heads, in output order; each names the LPC label it predicts.
HEADS = ("skin_tone", "hair_colour", "hair_style", "beard")
BEARD_CLASSES = ("none", "moustache")


def head_classes(skin_tones: List[str], hair_colours: List[str]) -> Dict[str, List[str]]:
    """The classes of every head: the sprite catalogue's tones and hair colours, the table's styles."""
    return {"skin_tone": sorted(skin_tones), "hair_colour": sorted(hair_colours),
            "hair_style": sorted(HAIR_STYLES), "beard": list(BEARD_CLASSES)}


def beard_class(lpc_beard: Optional[str]) -> str:
    return "moustache" if lpc_beard and BEARDS.get(lpc_beard) else "none"


def targets(labels: dict, classes: Dict[str, List[str]]) -> List[int]:
    """The class index of each head for a composed character's labels."""
    values = {"skin_tone": labels["skin_tone"], "hair_colour": labels["hair_colour"],
              "hair_style": labels["hair_style"], "beard": beard_class(labels.get("beard"))}
    return [classes[h].index(values[h]) for h in HEADS]


def face_token(head: str, value: str) -> Optional[str]:
    """The portrait vocabulary's token for one head's class (None: that class adds no token)."""
    if head == "skin_tone":
        return f"skin:{SKIN_TONES.get(value, value)}"
    if head == "hair_colour":
        return f"hair_colour:{value}"
    if head == "hair_style":
        return f"hair:{HAIR_STYLES[value]}"
    if head == "beard":
        return "features:mustache" if value == "moustache" else None
    raise KeyError(head)


def paired_face(labels: dict, palettes: dict, base: dict) -> dict:
    """The DiceBear labels of the face paired with a composed character: `base` (a face's labels:
    its expression and accessories) with the character's skin, hair colour, hair style and beard."""
    from ..data.portrait_builder import palette_choices
    skin, hair = palette_choices(palettes)
    tone = SKIN_TONES.get(labels["skin_tone"], labels["skin_tone"])
    style = HAIR_STYLES[labels["hair_style"]]
    feature = "mustache" if beard_class(labels.get("beard")) == "moustache" else base.get("features")
    return {**base, "skin_tone": tone, "skin_hex": skin[tone], "hair_colour": labels["hair_colour"],
            "hair_hex": hair[labels["hair_colour"]], "hair": style,
            "hair_length": "long" if style.startswith("long") else "short", "features": feature}
