"""`charagen-train check-matching`: does each generated character's face match its sprite? For
every character in folders that `charagen generate` wrote (`characters/` with 8-character sheets
or `$Name.png` singles, `faces/` with their face sheets), the hair colour and skin tone of the
sprite's front standing frame against those of its neutral face (slot 0), as CIE dE. Prints one
line per character and a summary: how many are within --max-de for hair and for skin, median and
worst. Hair hidden by headgear on the sprite, or not drawn on the face, is reported and left out
of the hair figures. How the colours are measured: evaluate/matching.py."""

import argparse
import json
import re
from pathlib import Path
from typing import List, NamedTuple, Optional

import numpy as np

from ..errors import UsageError
from ..evaluate import face_checks, matching, sheet_checks
from ..images import read_rgba_png, save_png
from ..safe_files import atomic_write_bytes, check_writable

PAIRS_ACROSS = 4
GREY = 128
GAP = 8


class Pair(NamedTuple):
    character: str              # sheet and slot ("T.png #3")
    face_file: Path
    front: np.ndarray           # uint8 [48, 48, 4]: the standing front frame
    face: np.ndarray            # uint8 [144, 144, 4]: the neutral face


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("check-matching", help="check that generated faces match their sprites in hair "
                                                     "colour and skin tone", description=__doc__)
    p.add_argument("folders", nargs="+", type=Path, metavar="DIR", help="a folder `charagen generate` wrote")
    p.add_argument("--max-de", type=float, default=15.0, metavar="DE",
                   help="largest CIE dE that counts as matching (default 15)")
    p.add_argument("--json", type=Path, metavar="OUT.json", help="write every character's figures")
    p.add_argument("--png", type=Path, metavar="PAIRS.png",
                   help="write the pairs for looking at: each front standing frame x3 beside its neutral face, "
                        f"{PAIRS_ACROSS} pairs a row, in the order of the printed lines")
    p.add_argument("--force", action="store_true", help="replace existing --json and --png files")
    return p


def _face_file(faces: Path, sheet: Path, size: tuple, slot: int) -> Path:
    """The faces file of character `slot` of `sheet` (CharacterExport's names: `$Stem.png` has
    `Stem.png`; 8-character sheets `Stem.png`, `Stem_2.png`, ... hold characters Stem_1 ...)."""
    name = sheet.stem
    if size == sheet_checks.CHARACTER:
        return faces / f"{name.lstrip('$!')}.png"
    numbered = re.fullmatch(r"(.+)_(\d+)", name)
    first = 0
    if numbered and int(numbered[2]) >= 2 and (sheet.parent / f"{numbered[1]}.png").is_file():
        name, first = numbered[1], 8 * (int(numbered[2]) - 1)
    return faces / f"{name}_{first + slot + 1}.png"


def _neutral_face(path: Path, character: str) -> np.ndarray:
    if not path.is_file():
        raise UsageError(f"{path}: not found (the faces of {character}; characters made without a portrait "
                         f"model have none)")
    rgba = read_rgba_png(path, "a face sheet has transparent empty slots (RGBA)")
    try:
        if not face_checks.split_faces(rgba, str(path)):
            raise ValueError(f"{path}: slot 0 (the neutral face) is empty")
    except ValueError as e:
        raise UsageError(str(e)) from None
    return rgba[:face_checks.FACE, :face_checks.FACE]


def folder_pairs(folder: Path) -> List[Pair]:
    """Every character of a `charagen generate` folder with its neutral face; empty sheet slots
    (an export of fewer than 8) are skipped."""
    characters, faces = folder / "characters", folder / "faces"
    if not characters.is_dir():
        raise UsageError(f"{folder}: no characters/ folder (expected a folder that `charagen generate` wrote)")
    sheets = sorted(characters.glob("*.png"))
    if not sheets:
        raise UsageError(f"{characters}: no character sheets (*.png)")
    pairs = []
    for sheet in sheets:
        rgba = read_rgba_png(sheet, "a character sheet has a transparent background (RGBA)")
        try:
            cut = sheet_checks.split_characters(rgba, str(sheet))
        except ValueError as e:
            raise UsageError(str(e)) from None
        for slot, (label, character) in enumerate(cut):
            if not character[..., 3].any():
                continue
            face_file = _face_file(faces, sheet, (rgba.shape[1], rgba.shape[0]), slot)
            front = sheet_checks.frames(character)[("down", 1)]
            pairs.append(Pair(label, face_file, front, _neutral_face(face_file, label)))
    return pairs


def _on_grey(rgba: np.ndarray) -> np.ndarray:
    alpha = rgba[..., 3:4].astype(np.float64) / 255.0
    return np.round(rgba[..., :3] * alpha + GREY * (1 - alpha)).astype(np.uint8)


def pairs_picture(pairs: List[Pair]) -> np.ndarray:
    """uint8 RGB: each front frame scaled x3 (144 x 144) beside its face, PAIRS_ACROSS a row, on grey."""
    size = face_checks.FACE
    width = 2 * size
    across = min(PAIRS_ACROSS, len(pairs))
    rows = -(-len(pairs) // across)
    out = np.full((rows * (size + GAP) + GAP, across * (width + GAP) + GAP, 3), GREY, np.uint8)
    for i, pair in enumerate(pairs):
        top, left = GAP + (i // across) * (size + GAP), GAP + (i % across) * (width + GAP)
        out[top:top + size, left:left + size] = _on_grey(np.kron(pair.front, np.ones((3, 3, 1), np.uint8)))
        out[top:top + size, left + size:left + 2 * size] = _on_grey(pair.face)
    return out


def _colour(lab, rgb) -> Optional[dict]:
    return None if lab is None else {"rgb": list(rgb), "lab": [round(float(v), 2) for v in lab]}


def check_pair(pair: Pair, max_de: float) -> dict:
    """Measures one character and its face; prints its line and returns its figures."""
    sprite, face = matching.sprite_colours(pair.front), matching.face_colours(pair.face)
    m = matching.match(sprite, face)
    failures = [what for what, de in (("hair", m.hair_de), ("skin", m.skin_de)) if de is not None and de > max_de]
    if m.skin_de is None:
        failures.append("skin not found")
    hair = f"not compared ({m.hair_note})" if m.hair_de is None else f"dE {m.hair_de:.1f}"
    skin = "not found" if m.skin_de is None else f"dE {m.skin_de:.1f}"
    print(f"{pair.character} / {pair.face_file.name}: hair {hair}, skin {skin}: "
          + (f"fail ({', '.join(failures)})" if failures else "pass"))
    return {"character": pair.character, "faces": str(pair.face_file), "passes": not failures,
            "hair_de": m.hair_de, "skin_de": m.skin_de, "hair_note": m.hair_note,
            "sprite": {"hair_name": sprite.hair_name, "hair": _colour(sprite.hair_lab, sprite.hair_rgb),
                       "hair_misfit": sprite.hair_misfit, "hair_hidden": sprite.hair_hidden,
                       "skin": _colour(sprite.skin_lab, sprite.skin_rgb)},
            "face": {"hair": _colour(face.hair_lab, face.hair_rgb), "skin": _colour(face.skin_lab, face.skin_rgb)}}


def _summary(values: List[float], count: int, max_de: float) -> dict:
    within = sum(v <= max_de for v in values)
    return {"within": within, "measured": len(values), "count": count,
            "median": float(np.median(values)) if values else None, "worst": max(values) if values else None}


def _summary_line(what: str, s: dict, max_de: float) -> str:
    left_out = s["count"] - s["measured"]
    line = f"{what} within dE {max_de:g}: {s['within']} of {s['measured']}"
    if left_out:
        line += f" ({left_out} not measurable)"
    if s["measured"]:
        line += f", median {s['median']:.1f}, worst {s['worst']:.1f}"
    return line


def run(args) -> int:
    if not args.max_de > 0:
        raise UsageError(f"--max-de {args.max_de}: expected a positive dE")
    for out in (args.json, args.png):
        if out:
            check_writable(out, args.force)
    pairs = [pair for folder in args.folders for pair in folder_pairs(folder)]
    records = [check_pair(pair, args.max_de) for pair in pairs]
    hair = _summary([r["hair_de"] for r in records if r["hair_de"] is not None], len(records), args.max_de)
    skin = _summary([r["skin_de"] for r in records if r["skin_de"] is not None], len(records), args.max_de)
    print(f"{sum(r['passes'] for r in records)} of {len(records)} characters pass; "
          f"{_summary_line('hair', hair, args.max_de)}; {_summary_line('skin', skin, args.max_de)}")
    if args.png:
        save_png(args.png, pairs_picture(pairs), overwrite=args.force)
    if args.json:
        result = {"max_de": args.max_de, "characters": records, "hair": hair, "skin": skin}
        atomic_write_bytes(args.json, (json.dumps(result, indent=2) + "\n").encode("utf-8"), overwrite=args.force)
    return 0
