"""`charagen-train check-faces`: checks RPG Maker face sheets (`faces/Name.png`, as `charagen
generate` writes them: the neutral face in slot 0, the expressions after it) for expressions that
change the eyes and the mouth and keep the hair: its pixels change at most a quarter as much as
those around the eyes and mouth, and its colour by at most CIE dE 5. Prints one line per failing
expression and a summary; the regions and thresholds are in evaluate/face_checks.py."""

import argparse
import json
from pathlib import Path

import numpy as np

from ..errors import UsageError
from ..evaluate import face_checks
from ..images import read_rgba_png
from ..safe_files import atomic_write_bytes


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("check-faces", help="check generated face sheets (expressions change eyes and mouth, "
                                                  "not the hair)", description=__doc__)
    p.add_argument("sheets", nargs="+", type=Path, metavar="FACES.png")
    p.add_argument("--min-expressions", type=int, default=4, metavar="N",
                   help="expressions each sheet must hold besides the neutral face (default 4)")
    p.add_argument("--json", type=Path, metavar="OUT.json", help="write every expression's figures")
    p.add_argument("--force", action="store_true", help="replace an existing --json file")
    return p


def run(args) -> int:
    if args.min_expressions < 1:
        raise UsageError(f"--min-expressions {args.min_expressions}: expected at least 1")
    reports, short_sheets = [], []
    for path in args.sheets:
        try:
            found = face_checks.check_sheet(
                read_rgba_png(path, "a face sheet has transparent empty slots (RGBA)"), str(path))
        except ValueError as e:
            raise UsageError(str(e)) from None
        if len(found) < args.min_expressions:
            short_sheets.append(str(path))
            print(f"{path}: {len(found)} expressions besides neutral (at least {args.min_expressions} wanted)")
        reports += found
    for r in reports:
        if not r.passes:
            print(f"{r.source}: " + "; ".join(r.failures))
    passing = sum(r.passes for r in reports)
    ratios = np.array([r.hair_ratio for r in reports])
    des = np.array([r.hair_de for r in reports])
    print(f"{passing} of {len(reports)} expressions pass in {len(args.sheets)} sheets "
          f"({len(short_sheets)} with too few expressions); hair band / eyes and mouth change: median "
          f"{np.median(ratios):.3f}, worst {ratios.max():.3f}; hair dE: median {np.median(des):.2f}, worst {des.max():.2f}")
    if args.json:
        result = {"expressions": [{"source": r.source, "passes": r.passes, "eyes_changed": r.eyes_changed,
                                   "mouth_changed": r.mouth_changed, "hair_ratio": r.hair_ratio,
                                   "hair_de": r.hair_de, "failures": r.failures} for r in reports],
                  "passing": passing, "count": len(reports), "sheets_with_too_few_expressions": short_sheets}
        atomic_write_bytes(args.json, (json.dumps(result, indent=2) + "\n").encode("utf-8"), overwrite=args.force)
    return 0
