"""`charagen-train check-sheets`: checks RPG Maker MV character sheets (a `$Name.png` or an
8-character `Name.png`, as `charagen generate` writes them) for what makes a usable walking
character: one figure of plausible height in each of the 12 frames, left and right rows that
mirror each other, the same colours from every side, and no two characters alike. Prints one line
per failing character and a summary; the thresholds and why are in evaluate/sheet_checks.py."""

import argparse
import json
from pathlib import Path

from ..errors import UsageError
from ..evaluate import sheet_checks
from ..images import read_rgba_png
from ..safe_files import atomic_write_bytes


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("check-sheets", help="check generated MV character sheets (figures, mirroring, colours)",
                              description=__doc__)
    p.add_argument("sheets", nargs="+", type=Path, metavar="SHEET.png")
    p.add_argument("--json", type=Path, metavar="OUT.json", help="write every character's result")
    p.add_argument("--force", action="store_true", help="replace an existing --json file")
    return p


def run(args) -> int:
    characters = []
    for path in args.sheets:
        rgba = read_rgba_png(path, "a character sheet has a transparent background (RGBA)")
        try:
            characters += sheet_checks.split_characters(rgba, path.name)
        except ValueError as e:
            raise UsageError(str(e)) from None
    reports = [sheet_checks.check_character(c, label) for label, c in characters]
    same = sheet_checks.same_character_pairs(characters)
    for report in reports:
        if not report.passes:
            print(f"{report.source}: " + "; ".join(report.failures))
    for a, b in same:
        print(f"{a} and {b}: the same character")
    passing = sum(r.passes for r in reports)
    print(f"{passing} of {len(reports)} characters pass; pairs that are the same character: {len(same)}")
    if args.json:
        result = {"characters": [{"source": r.source, "passes": r.passes, "failures": r.failures} for r in reports],
                  "passing": passing, "count": len(reports), "same_character_pairs": [list(p) for p in same]}
        atomic_write_bytes(args.json, (json.dumps(result, indent=2) + "\n").encode("utf-8"), overwrite=args.force)
    return 0
