"""The LPC skin tones and hair colours as colour values, so that other data sets (the DiceBear
portraits) can draw colours from the same palettes as the LPC sprites and use the same names.

Names are the LPC file names, exactly as the sprite builder uses them: skin tones are
`body/<sex>/<tone>.png`, hair colours are `hair/<sex>/<style>/<colour>.png` (the colour names
that every hair style of both sexes has). Only derived colour values are kept in the
repository (`lpc_palettes.json` beside this file), never the art; `compute_palettes` derives
them again from the LPC folder and a test checks that the two agree.

All colours are measured on the front-facing standing frame (walk row 10, column 0): the view
that the head crop of a sprite shows.
- A skin tone's colour is the most common opaque colour of the body frames of both sexes: the
  flat base tone that fills most of the face (the shades only rim it).
- A hair colour's colour is the ramp colour nearest to the mean of the hair's interior pixels
  (opaque pixels whose 3x3 neighbourhood is opaque, so not the outline) over every hair style
  of both sexes. LPC hair is dithered across 4-6 shades and no shade dominates, so the most
  common colour is often a dark shade; the mean, snapped to a real ramp colour, is what the
  hair looks like from a distance.
- A ramp is every colour that covers at least 0.5% of the opaque pixels, dark to light.

Regenerate with `python3 -m charagen_train.data.lpc_palettes --lpc ../shared/lpc` (run in
`training/`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
from PIL import Image
from scipy import ndimage

PALETTES_JSON = Path(__file__).with_name("lpc_palettes.json")

FRAME = 64
FRONT_STANDING = (0, 10)  # (column, row) of the front-facing standing frame
SEXES = ("male", "female")
RAMP_MIN_SHARE = 0.005


def _front_frame(path: Path) -> np.ndarray:
    """[64, 64, 4] uint8: the front-facing standing frame of one LPC layer."""
    col, row = FRONT_STANDING
    with Image.open(path) as im:
        box = (col * FRAME, row * FRAME, (col + 1) * FRAME, (row + 1) * FRAME)
        return np.asarray(im.crop(box).convert("RGBA"))


def _pack(rgb: np.ndarray) -> np.ndarray:
    """[N, 3] uint8 -> [N] uint32 0xRRGGBB."""
    rgb = rgb.astype(np.uint32)
    return (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]


def _unpack(packed: np.ndarray) -> np.ndarray:
    """[N] uint32 0xRRGGBB -> [N, 3] float64."""
    packed = np.asarray(packed, dtype=np.uint32)
    return np.stack([packed >> 16, (packed >> 8) & 255, packed & 255], axis=1).astype(np.float64)


def _hex(packed: int) -> str:
    return "#%06x" % int(packed)


def _ramp(opaque: np.ndarray) -> np.ndarray:
    """Packed colours covering at least RAMP_MIN_SHARE of `opaque`, dark to light (Rec. 601 luma)."""
    colours, counts = np.unique(opaque, return_counts=True)
    ramp = colours[counts >= RAMP_MIN_SHARE * counts.sum()]
    luma = _unpack(ramp) @ np.array([0.299, 0.587, 0.114])
    return ramp[np.argsort(luma, kind="stable")]


def _skin_tone(frames: list[np.ndarray]) -> dict:
    opaque = np.concatenate([_pack(f[f[..., 3] == 255][:, :3]) for f in frames])
    colours, counts = np.unique(opaque, return_counts=True)
    return {"hex": _hex(colours[counts.argmax()]), "ramp": [_hex(c) for c in _ramp(opaque)]}


def _hair_colour(frames: list[np.ndarray]) -> dict:
    opaque, interior = [], []
    for f in frames:
        solid = f[..., 3] == 255
        inner = ndimage.binary_erosion(solid, structure=np.ones((3, 3), bool))
        opaque.append(_pack(f[solid][:, :3]))
        interior.append(_pack(f[inner][:, :3]))
    opaque, interior = np.concatenate(opaque), np.concatenate(interior)
    ramp = _ramp(opaque)
    mean = _unpack(interior).mean(axis=0)
    nearest = ramp[np.argmin(((_unpack(ramp) - mean) ** 2).sum(axis=1))]
    return {"hex": _hex(nearest), "ramp": [_hex(c) for c in ramp]}


def _names(folder: Path) -> set[str]:
    return {p.stem for p in folder.glob("*.png")}


def compute_palettes(lpc_dir: str | os.PathLike) -> dict:
    """Measure the skin tones and hair colours from the LPC layers in `lpc_dir`."""
    lpc = Path(lpc_dir)
    body = [lpc / "body" / sex for sex in SEXES]
    hair = [lpc / "hair" / sex for sex in SEXES]
    for folder in body + hair:
        if not folder.is_dir():
            raise FileNotFoundError(f"LPC folder {folder} not found (expected the layout in {lpc}/ORIGIN.md)")

    tones = sorted(set().union(*(_names(f) for f in body)))
    skin = {}
    for tone in tones:
        frames = [_front_frame(f / f"{tone}.png") for f in body if (f / f"{tone}.png").is_file()]
        skin[tone] = _skin_tone(frames)

    style_dirs = sorted(d for f in hair for d in f.iterdir() if d.is_dir())
    if not style_dirs:
        raise FileNotFoundError(f"no hair styles under {lpc / 'hair'}")
    colours = sorted(set.intersection(*(_names(d) for d in style_dirs)))
    hair_colours = {c: _hair_colour([_front_frame(d / f"{c}.png") for d in style_dirs]) for c in colours}

    return {
        "source": "LPC Universal Sprite Sheet layers (makrohn/Universal-LPC-spritesheet); "
                  "derived colour values only, see charagen_train/data/lpc_palettes.py",
        "frame": {"column": FRONT_STANDING[0], "row": FRONT_STANDING[1], "size": FRAME},
        "skin_tones": skin,
        "hair_colours": hair_colours,
    }


def write_palettes(palettes: dict, path: str | os.PathLike = PALETTES_JSON) -> None:
    """Write atomically (temp file + rename)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(palettes, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def load_palettes(path: str | os.PathLike = PALETTES_JSON) -> dict:
    """The committed palettes: {"skin_tones": {name: {"hex", "ramp"}}, "hair_colours": {...}}."""
    with open(path, encoding="utf-8") as f:
        palettes = json.load(f)
    for key in ("skin_tones", "hair_colours"):
        if not isinstance(palettes.get(key), dict) or not palettes[key]:
            raise ValueError(f"{path}: field '{key}' must be a non-empty object of name -> colour")
    return palettes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure LPC skin tones and hair colours into lpc_palettes.json")
    parser.add_argument("--lpc", required=True, help="the LPC layers folder (../shared/lpc)")
    parser.add_argument("--out", default=str(PALETTES_JSON), help="JSON to write (default: the committed file)")
    args = parser.parse_args(argv)
    try:
        write_palettes(compute_palettes(args.lpc), args.out)
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
