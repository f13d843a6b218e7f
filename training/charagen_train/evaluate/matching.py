"""Does a generated character's face match its sprite? The hair colour and the skin tone measured
on the sprite's front standing frame (48 x 48 LPC pixel art) and on its neutral face (144 x 144, a
DiceBear `adventurer` face), compared as CIE76 dE.

Pixels that do not count: transparent ones and **outline**, on the sprite the figure's rim (what a
3 x 3 erosion of the figure removes) and, on both, thin near-black lines (L* under `OUTLINE_L`
that a 3 x 3 opening removes; a black-haired head is a near-black area and keeps its hair).

**Sprite** (boxes in the 48 x 48 frame; the composed figures stand in the same place in every
frame, see data/sheet_layout.py):
- skin: the dominant colour (below) of the face box `SPRITE_FACE`, the forehead and cheeks above
  the mouth, so that a moustache does not cover it; LPC faces are filled with the flat base tone
  that lpc_palettes.py takes as the tone's colour.
- hair: the box `SPRITE_HAIR` over the top of the head (on composed truths without headgear its
  middle columns are hair in 80-100% of characters) less the pixels within dE `HAIR_NOT_SKIN` of
  the skin. LPC hair is dithered over 4-6 shades and how light it looks depends on the style: the
  mean colour of a character's whole hair lies a median 7 and up to 27 dE from the palette colour
  of its name. So, as lpc_palettes.py snaps the mean to a ramp colour, the hair colour here is the
  palette colour of the LPC hair whose ramp explains the pixels best (mean distance to the
  nearest ramp colour, each pixel's capped at `RAMP_CAP`; `hair_misfit`).
- hidden hair: the LPC headgear the composer uses (a red bandana, a chain and a cloth hood) hides
  the hair; their colours are `HEADGEAR_RAMPS` (colours covering 0.5% of the layer's standing front
  frame, as lpc_palettes.py makes ramps; tests/test_matching.py measures them again). When a
  headgear ramp explains the box better than every hair ramp by `HIDDEN_MARGIN`, the hair is
  reported hidden instead of measured.

**Face** (boxes in the 144 x 144 face): the background is the median colour of the face's border
and pixels within dE `BACKGROUND_DE` of it do not count (the portrait model paints a background
near the data set's cyan).
- skin: the dominant colour of `FACE_SKIN`, the cheeks and jaw around the mouth (most of its
  pixels are the tone's flat fill in most DiceBear faces).
- hair: the dominant colour of the band `FACE_HAIR` above the brows less the pixels within dE
  `FACE_HAIR_NOT_SKIN` of the skin or of the skin darkened by `SCALP_SHADE` (the shaved style
  short19 draws no hair colour, only that shade); fewer than `FACE_MIN_HAIR` pixels in the colour
  is no hair drawn.

The **dominant colour** of some pixels: start at the exact colour with most pixels within dE
`CLUSTER_DE` of it, move to the mean of the pixels within `CLUSTER_DE` until it stays (mean
shift); the colour is the mean of those pixels (its RGB the mean of theirs).

Boxes are (top, bottom, left, right), bottom and right exclusive.

Calibration (tests/test_matching.py checks the same on fewer): on 1000 composed LPC characters
(composer seed 4242, 200; seed 777, 800) the sprite's skin is the palette colour of its tone
(dE 0) for 999; the one miss (dE 43) is a dark2 face shaded by a chain hood. Of the 745 without
headgear every hair is named right (dE 0 from the palette colour; hair_misfit median 0.0, 90%
under 2.9, at most 7.7) and none is reported hidden (a headgear ramp fits at most 1.5 better than
the hair's, short of HIDDEN_MARGIN). All 255 with headgear are reported hidden, a headgear ramp fitting 3.2 or
more better than any hair ramp. On 120 DiceBear faces (portrait seed 4243) the skin is within
dE 0.2 of skin_hex for all and the hair within dE 0.2 of hair_hex for the 114 whose style draws
hair colour; the other 6 (short19) are reported as no hair drawn. Generated sprites (8 from
`charagen generate`) fit the hair ramps less well (hair_misfit 4-9) and none was reported hidden
(a headgear ramp at most 0.9 better).
"""

import dataclasses
import functools
from typing import Optional, Tuple

import numpy as np
from scipy import ndimage
from scipy.spatial.distance import cdist

from ..data.lpc_palettes import load_palettes
from .metrics import srgb_to_lab

SPRITE_FACE = (12, 18, 17, 31)
SPRITE_HAIR = (1, 10, 14, 34)
FACE_SKIN = (84, 112, 32, 100)
FACE_HAIR = (28, 52, 24, 112)
OUTLINE_L = 10.0
CLUSTER_DE = 5.0
HAIR_NOT_SKIN = 10.0
RAMP_CAP = 10.0
HIDDEN_MARGIN = 2.0
BACKGROUND_DE = 12.0
FACE_HAIR_NOT_SKIN = 8.0
SCALP_SHADE = 0.9
FACE_MIN_HAIR = 40

# The standing front frame's colours of the headgear layers the composer draws (the male and
# female layers of a kind have the same colours).
HEADGEAR_RAMPS = {
    "bandanas/red": ("#721306", "#8e1808", "#af100e"),
    "hoods/chain_hood": (
        "#0b040d", "#180d1a", "#190f1b", "#2b242c", "#3b333c", "#403840", "#423b42", "#4f4750",
        "#4f4a50", "#514a52", "#575057", "#5e5454", "#645e64", "#665e66", "#676067", "#726868",
        "#746d75", "#746e75", "#756b65", "#7c7577", "#7c757c", "#827a7a", "#898389", "#8b807a",
        "#908b8c", "#988e8e", "#989399", "#9b908b", "#a19b9c", "#a79d9d", "#b0a6a0", "#b6b0b1"),
    "hoods/cloth_hood": ("#080a0a", "#130d14", "#2b1c1d", "#3e2613", "#62351c", "#744b30", "#996b4a",
                         "#a17c50"),
}

Box = Tuple[int, int, int, int]


@dataclasses.dataclass
class SpriteColours:
    skin_lab: Optional[np.ndarray]      # None: no skin in the face box
    skin_rgb: Optional[Tuple[int, int, int]]
    hair_name: Optional[str]            # the LPC hair colour; None when hidden
    hair_lab: Optional[np.ndarray]      # its palette colour
    hair_rgb: Optional[Tuple[int, int, int]]
    hair_misfit: Optional[float]        # mean capped dE of the hair pixels to that ramp
    hair_hidden: Optional[str]          # why the hair colour cannot be seen, or None


@dataclasses.dataclass
class FaceColours:
    skin_lab: Optional[np.ndarray]
    skin_rgb: Optional[Tuple[int, int, int]]
    hair_lab: Optional[np.ndarray]      # None: no hair drawn
    hair_rgb: Optional[Tuple[int, int, int]]


@dataclasses.dataclass
class Match:
    hair_de: Optional[float]            # None: the hair cannot be compared (hair_note says why)
    skin_de: Optional[float]
    hair_note: Optional[str]


def hex_rgb(code: str) -> np.ndarray:
    return np.array([int(code[i:i + 2], 16) for i in (1, 3, 5)], np.uint8)


@functools.lru_cache(maxsize=None)
def _ramps_lab():
    """{name: Lab [K, 3]} of the LPC hair ramps, {name: palette hex} and {kind: Lab [K, 3]} of the
    headgear ramps."""
    hair = load_palettes()["hair_colours"]
    return ({n: srgb_to_lab(np.stack([hex_rgb(c) for c in e["ramp"]])) for n, e in hair.items()},
            {n: e["hex"] for n, e in hair.items()},
            {n: srgb_to_lab(np.stack([hex_rgb(c) for c in ramp])) for n, ramp in HEADGEAR_RAMPS.items()})


def _box(image: np.ndarray, box: Box) -> np.ndarray:
    top, bottom, left, right = box
    return image[top:bottom, left:right]


def _thin_dark(lab: np.ndarray, counted: np.ndarray) -> np.ndarray:
    """Near-black pixels on lines too thin to hold a 3 x 3 square: outline, not a dark area."""
    dark = counted & (lab[..., 0] < OUTLINE_L)
    return dark & ~ndimage.binary_opening(dark, structure=np.ones((3, 3), bool))


def dominant_colour(lab: np.ndarray, rgb: np.ndarray) -> Tuple[np.ndarray, Tuple[int, int, int], int]:
    """The dominant colour of pixels (Lab [N, 3] and their uint8 RGB [N, 3]), N > 0: (Lab, RGB,
    number of pixels within CLUSTER_DE of it), found by mean shift from the densest exact colour."""
    colours, counts = np.unique(lab, axis=0, return_counts=True)
    density = np.concatenate([(cdist(part, colours) <= CLUSTER_DE) @ counts
                              for part in np.array_split(colours, max(1, len(colours) // 512))])
    centre = colours[int(np.argmax(density))]
    for _ in range(20):
        members = np.linalg.norm(lab - centre, axis=1) <= CLUSTER_DE
        moved = lab[members].mean(axis=0)
        if np.linalg.norm(moved - centre) < 1e-6:
            break
        centre = moved
    members = np.linalg.norm(lab - centre, axis=1) <= CLUSTER_DE
    mean_rgb = tuple(int(round(v)) for v in rgb[members].mean(axis=0))
    return centre, mean_rgb, int(members.sum())


def _ramp_misfit(lab: np.ndarray, ramp: np.ndarray) -> float:
    return float(np.minimum(cdist(lab, ramp).min(axis=1), RAMP_CAP).mean())


def sprite_colours(front_frame_rgba: np.ndarray) -> SpriteColours:
    """Skin and hair colour of an LPC-style figure's 48 x 48 front standing frame (uint8 RGBA)."""
    if front_frame_rgba.shape != (48, 48, 4):
        raise ValueError(f"expected a 48 x 48 RGBA frame, got shape {front_frame_rgba.shape}")
    rgb = front_frame_rgba[..., :3]
    lab = srgb_to_lab(rgb)
    figure = front_frame_rgba[..., 3] > 0
    counted = ndimage.binary_erosion(figure, structure=np.ones((3, 3), bool))
    counted &= ~_thin_dark(lab, counted)

    skin_lab = skin_rgb = None
    face = _box(counted, SPRITE_FACE)
    if face.any():
        skin_lab, skin_rgb, _ = dominant_colour(_box(lab, SPRITE_FACE)[face], _box(rgb, SPRITE_FACE)[face])

    hair = _box(counted, SPRITE_HAIR).copy()
    if skin_lab is not None:
        hair &= np.linalg.norm(_box(lab, SPRITE_HAIR) - skin_lab, axis=-1) > HAIR_NOT_SKIN
    if not hair.any():
        return SpriteColours(skin_lab, skin_rgb, None, None, None, None, "no hair pixels in the top rows")
    pixels = _box(lab, SPRITE_HAIR)[hair]
    hair_ramps, hair_hex, headgear_ramps = _ramps_lab()
    misfits = {name: _ramp_misfit(pixels, ramp) for name, ramp in hair_ramps.items()}
    name = min(misfits, key=misfits.get)
    headgear = {kind: _ramp_misfit(pixels, ramp) for kind, ramp in headgear_ramps.items()}
    kind = min(headgear, key=headgear.get)
    if headgear[kind] + HIDDEN_MARGIN < misfits[name]:
        return SpriteColours(skin_lab, skin_rgb, None, None, None, misfits[name], f"headgear ({kind})")
    palette_rgb = hex_rgb(hair_hex[name])
    return SpriteColours(skin_lab, skin_rgb, name, srgb_to_lab(palette_rgb), tuple(int(v) for v in palette_rgb),
                         misfits[name], None)


def face_colours(face_rgba_144: np.ndarray) -> FaceColours:
    """Skin and hair colour of a 144 x 144 adventurer face (uint8 RGB, or RGBA: transparent pixels
    do not count)."""
    if face_rgba_144.shape[:2] != (144, 144) or face_rgba_144.shape[2] not in (3, 4):
        raise ValueError(f"expected a 144 x 144 RGB or RGBA face, got shape {face_rgba_144.shape}")
    rgb = face_rgba_144[..., :3]
    lab = srgb_to_lab(rgb)
    counted = np.ones((144, 144), bool) if face_rgba_144.shape[2] == 3 else face_rgba_144[..., 3] > 0
    ring = np.ones_like(counted)
    ring[1:-1, 1:-1] = False
    if (ring & counted).any():
        background = srgb_to_lab(np.median(rgb[ring & counted], axis=0).astype(np.uint8))
        counted &= np.linalg.norm(lab - background, axis=-1) > BACKGROUND_DE
    counted &= ~_thin_dark(lab, counted)

    skin = _box(counted, FACE_SKIN)
    if not skin.any():
        return FaceColours(None, None, None, None)
    skin_lab, skin_rgb, _ = dominant_colour(_box(lab, FACE_SKIN)[skin], _box(rgb, FACE_SKIN)[skin])
    scalp = srgb_to_lab(np.round(np.array(skin_rgb) * SCALP_SHADE).astype(np.uint8))
    band_lab = _box(lab, FACE_HAIR)
    hair = (_box(counted, FACE_HAIR) & (np.linalg.norm(band_lab - skin_lab, axis=-1) > FACE_HAIR_NOT_SKIN)
            & (np.linalg.norm(band_lab - scalp, axis=-1) > FACE_HAIR_NOT_SKIN))
    if hair.sum() < FACE_MIN_HAIR:
        return FaceColours(skin_lab, skin_rgb, None, None)
    hair_lab, hair_rgb, members = dominant_colour(band_lab[hair], _box(rgb, FACE_HAIR)[hair])
    if members < FACE_MIN_HAIR:
        return FaceColours(skin_lab, skin_rgb, None, None)
    return FaceColours(skin_lab, skin_rgb, hair_lab, hair_rgb)


def match(sprite: SpriteColours, face: FaceColours) -> Match:
    """CIE76 dE between the sprite's and the face's skin and hair (None where one is missing)."""
    skin_de = (None if sprite.skin_lab is None or face.skin_lab is None
               else float(np.linalg.norm(sprite.skin_lab - face.skin_lab)))
    if sprite.hair_hidden:
        return Match(None, skin_de, f"sprite hair hidden: {sprite.hair_hidden}")
    if face.hair_lab is None:
        return Match(None, skin_de, "no hair colour drawn on the face")
    return Match(float(np.linalg.norm(sprite.hair_lab - face.hair_lab)), skin_de, None)
