"""`charagen-train curves`: held-out quality against CPU-hours for several runs in one PNG, from
their log.jsonl (renderer runs score themselves as they train) or from the lines `evaluate
--json` wrote for a run's snapshots (with cpu_hours added)."""

import argparse
import json
from pathlib import Path

from ..errors import UsageError
from ..evaluate.curves import plot
from ..safe_files import atomic_write


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("curves", help="plot held-out quality against CPU-hours", description=__doc__)
    p.add_argument("--series", required=True, action="append", metavar="LABEL=FILE.jsonl",
                   help="a line per evaluation with cpu_hours, iou_median and de10_median (others are skipped)")
    p.add_argument("--out", required=True, type=Path, metavar="OUT.png")
    p.add_argument("--force", action="store_true")
    return p


def run(args) -> int:
    series = {}
    for item in args.series:
        label, sep, file = item.partition("=")
        if not sep or not label:
            raise UsageError(f"--series '{item}': expected LABEL=FILE.jsonl")
        points = []
        try:
            lines = Path(file).read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise UsageError(f"--series {label}: {e}") from None
        for number, line in enumerate(lines, 1):
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as e:
                raise UsageError(f"{file} line {number}: not JSON ({e})") from None
            if all(k in entry for k in ("cpu_hours", "iou_median", "de10_median")):
                points.append((float(entry["cpu_hours"]), float(entry["iou_median"]), float(entry["de10_median"])))
        if not points:
            raise UsageError(f"{file}: no line with cpu_hours, iou_median and de10_median")
        series[label] = points
    image = plot(series)
    atomic_write(args.out, lambda f: image.save(f, format="PNG"), args.force)
    print(f"charagen-train: wrote {args.out}")
    return 0
