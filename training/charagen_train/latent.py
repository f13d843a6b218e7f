"""Seeds to z exactly as the reference gen_images.py draws them, and the --seeds syntax."""

import re
from typing import List

import numpy as np

from .errors import UsageError

MAX_SEEDS = 100_000
SEED_LIMIT = 2 ** 32
_SINGLE = re.compile(r"(-?\d+)")
_RANGE = re.compile(r"(-?\d+)\s*-\s*(-?\d+)")


def z_for_seed(seed: int, z_dim: int) -> np.ndarray:
    """numpy's RandomState(seed).randn(1, z_dim), float64 [1, z_dim]."""
    return np.random.RandomState(seed).randn(1, z_dim)


def parse_seeds(option: str, text: str) -> List[int]:
    """The seeds of "N" or an inclusive range "A-B", in increasing order."""
    stripped = text.strip()
    single = _SINGLE.fullmatch(stripped)
    if single:
        return [_seed(option, text, single.group(1))]
    ranged = _RANGE.fullmatch(stripped)
    if not ranged:
        raise UsageError(f"{option} '{text}': expected a seed N or an inclusive range A-B, e.g. 0-99")
    first, last = _seed(option, text, ranged.group(1)), _seed(option, text, ranged.group(2))
    if last < first:
        raise UsageError(f"{option} '{text}': the end is before the start")
    if last - first + 1 > MAX_SEEDS:
        raise UsageError(f"{option} '{text}': the range holds {last - first + 1} seeds, more than {MAX_SEEDS}")
    return list(range(first, last + 1))


def _seed(option: str, text: str, digits: str) -> int:
    value = int(digits)
    if value < 0:
        raise UsageError(f"{option} '{text}': seeds cannot be negative")
    if value >= SEED_LIMIT:
        raise UsageError(f"{option} '{text}': seeds must be below 2^32 = {SEED_LIMIT}")
    return value
