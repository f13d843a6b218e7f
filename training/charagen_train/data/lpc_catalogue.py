"""Catalogue of the LPC layers that may go into the sprite training set, found by measuring.

`LpcCatalogue.scan(root)` walks an LPC "Universal Sprite Sheet" folder (layout in
../shared/lpc/ORIGIN.md) and accepts a layer only when

  (a) its sex matches a body: the path names `male` or `female` (as a folder or a word of the
      file name); the layer is offered only for bodies of that sex;
  (b) it covers the walk cycle: in each of the four walk rows (8 up, 9 left, 10 down,
      11 right) all 9 frames hold pixels. Face-only layers (eyes, noses, beards, necklaces,
      belt buckles) may leave the whole back view (row 8) empty, never part of a row;
  (c) it fits: in every walk frame the training canvas uses (sheet_layout.used_frames), the
      bounding box of its non-transparent pixels, moved up by the body's lift for that frame,
      lies inside the 48 x 48 frame window, for every accepted body of its sex.

Some folders are left out by policy, with the reason recorded: weapons, hands (not in the
stacking order), wings, female facial hair, behind_body/equipment (a quiver without a bow),
hair shadow overlays and the uncoloured hair/beard templates, and body tones with no matching
nose and ears (orc, red_orc, skeleton: their silhouettes differ from the body the clothes and
hair are drawn for).

Nothing is written into the LPC folder or the repository. The per-frame bounding boxes are
kept in memory (`load_catalogue` keeps one catalogue per folder per process) and in a small
JSON file in the user's cache folder ($CHARAGEN_CACHE, else $XDG_CACHE_HOME/charagen-train,
else ~/.cache/charagen-train; CHARAGEN_CACHE=off disables it), keyed by each PNG's size and
modification time, so a fresh process (a DataLoader worker) does not decode 2,300 PNGs again.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

import numpy as np
from ..errors import CharagenError
from ..safe_files import atomic_file
from PIL import Image

from . import sheet_layout as sl

#: Stacking order, back to front (ORIGIN.md).
CATEGORIES: Tuple[str, ...] = (
    "behind_body", "body", "eyes", "nose", "ears", "feet", "legs", "torso", "belt",
    "accessories", "facial", "hair", "head",
)
SEXES = ("male", "female")
#: Layers drawn only on the face or chest front: their back view (LPC row 8) may be empty.
FRONT_ONLY = frozenset({"eyes", "nose", "facial", "accessories", "belt"})
SHEET_SIZE = (832, 1344)

#: Folders (relative, posix) left out by policy, with the reason.
POLICY_EXCLUDED: Tuple[Tuple[str, str], ...] = (
    ("weapons/", "weapons reach the frame edges and are not part of a walking character"),
    ("hands/", "hands are not in the stacking order of ORIGIN.md"),
    ("torso/back/wings/", "wings are not clothing (and this stacking order would draw them over the body)"),
    ("facial/female/", "beards and moustaches are only given to male characters"),
    ("behind_body/equipment/", "a quiver without a bow"),
)


class LpcError(CharagenError):
    """A problem with the LPC folder (missing, incomplete); the message names the path."""


@dataclass(frozen=True)
class Layer:
    """One accepted layer PNG.

    path: relative to the LPC root, with '/' separators (goes into labels).
    category: one of CATEGORIES (decides the stacking order).
    sex: 'male' or 'female'.
    group: what kind of item it is, without sex folders and file name, e.g.
      'torso/shirts/longsleeve', 'hair/plain', 'facial/beard', 'body/nose/bignose'.
    name: the variant, e.g. 'white_longsleeve'; for hair and facial hair the colour name;
      for bodies, noses and ears the skin tone.
    """
    path: str
    category: str
    sex: str
    group: str
    name: str


@dataclass
class Measurement:
    """Per walk frame bounding boxes of one layer: boxes[lpc_row - 8, column] = (x0, y0, x1, y1)
    inclusive, or None for an empty frame."""
    boxes: List[List[Optional[Tuple[int, int, int, int]]]]


@dataclass
class LpcCatalogue:
    root: Path
    layers: List[Layer] = field(default_factory=list)
    rejected: List[Tuple[str, str]] = field(default_factory=list)
    #: lifts[body path][(direction, lpc_column)] = rows the frame is moved up.
    lifts: Dict[str, Dict[Tuple[str, int], int]] = field(default_factory=dict)
    measurements: Dict[str, Measurement] = field(default_factory=dict)
    _disk: Dict[str, list] = field(default_factory=dict, repr=False)
    _disk_dirty: bool = field(default=False, repr=False)
    _index: Dict[tuple, List[Layer]] = field(default_factory=dict, repr=False)
    _memo: Dict[tuple, list] = field(default_factory=dict, repr=False)

    # ----------------------------------------------------------------- queries
    def select(self, category: str, sex: str, group: Optional[str] = None,
               group_prefix: Optional[str] = None) -> List[Layer]:
        """Accepted layers of a category for a sex, optionally of one group or group prefix
        (a new list; sorted by path)."""
        if not self._index:
            for layer in self.layers:
                self._index.setdefault((layer.category, layer.sex, None), []).append(layer)
                self._index.setdefault((layer.category, layer.sex, layer.group), []).append(layer)
        out = self._index.get((category, sex, group), [])
        if group_prefix is not None:
            out = [l for l in out if l.group == group_prefix or l.group.startswith(group_prefix + "/")]
        return list(out)

    def find(self, path: str) -> Layer:
        for layer in self.layers:
            if layer.path == path:
                return layer
        raise KeyError(f"{path} is not an accepted layer of {self.root}")

    def tones(self, sex: str) -> List[str]:
        key = ("tones", sex)
        if key not in self._memo:
            self._memo[key] = sorted(layer.name for layer in self.select("body", sex))
        return list(self._memo[key])

    def hair_styles(self, sex: str) -> List[str]:
        key = ("hair_styles", sex)
        if key not in self._memo:
            self._memo[key] = sorted({layer.group.split("/", 1)[1] for layer in self.select("hair", sex)})
        return list(self._memo[key])

    def hair_colours(self, sex: str) -> List[str]:
        """Colour names that every accepted hair style of this sex offers."""
        key = ("hair_colours", sex)
        if key not in self._memo:
            per_style = [
                {layer.name for layer in self.select("hair", sex, group=f"hair/{style}")}
                for style in self.hair_styles(sex)
            ]
            self._memo[key] = sorted(set.intersection(*per_style)) if per_style else []
        return list(self._memo[key])

    def summary(self) -> Dict[str, object]:
        """Counts for reports: accepted per category and sex, rejected per reason."""
        accepted: Dict[str, int] = {}
        for layer in self.layers:
            key = f"{layer.category}/{layer.sex}"
            accepted[key] = accepted.get(key, 0) + 1
        reasons: Dict[str, int] = {}
        for _path, reason in self.rejected:
            short = reason.split(":")[0]
            reasons[short] = reasons.get(short, 0) + 1
        return {"accepted": dict(sorted(accepted.items())), "rejected": dict(sorted(reasons.items())),
                "hair_styles": {s: self.hair_styles(s) for s in SEXES}}

    # ------------------------------------------------------------------- scan
    @classmethod
    def scan(cls, root, use_cache: bool = True) -> "LpcCatalogue":
        root = Path(root)
        if not root.is_dir():
            raise LpcError(f"LPC folder not found: {root} (expected the LPC layer PNGs, "
                           f"e.g. {root / 'body' / 'male' / 'light.png'})")
        cat = cls(root=root)
        cache_file = _cache_file(root) if use_cache else None
        if cache_file is not None:
            cat._disk = _read_cache(cache_file)
        candidates: List[Tuple[str, str, str, str, str]] = []  # path, category, sex, group, name
        for rel in _png_files(root):
            info, reason = _classify(rel)
            if info is None:
                cat.rejected.append((rel, reason))
            else:
                candidates.append(info)
        bodies = [c for c in candidates if c[1] == "body"]
        if not bodies:
            raise LpcError(f"no body layers under {root / 'body'} (is {root} an LPC folder?)")

        # Tones need a matching nose or ears layer (human and elf tones).
        face_tones = {(c[2], c[4]) for c in candidates if c[1] in ("nose", "ears")}
        accepted_bodies: Dict[str, List[Tuple[str, Dict[Tuple[str, int], int]]]] = {s: [] for s in SEXES}
        for info in bodies:
            rel, _cat, sex, _group, tone = info
            if (sex, tone) not in face_tones:
                cat.rejected.append((rel, "policy: no nose/ears layers for this tone "
                                          "(not a human or elf body)"))
                continue
            m, err = cat._measure(rel)
            if err:
                cat.rejected.append((rel, err))
                continue
            lifts = {}
            for (_r, _c, direction, lpc_row, lpc_col) in sl.used_frames():
                box = m.boxes[lpc_row - 8][lpc_col]
                lifts[(direction, lpc_col)] = sl.cell_lift(box[3]) if box else 0
            reason = _coverage_problem(m, "body") or _fit_problem(m, lifts)
            if reason:
                cat.rejected.append((rel, reason))
                continue
            cat.lifts[rel] = lifts
            accepted_bodies[sex].append((rel, lifts))
            cat.layers.append(Layer(*info))

        for info in candidates:
            rel, category, sex, _group, _name = info
            if category == "body":
                continue
            if category in ("nose", "ears") and not any(
                    b.endswith(f"/{info[4]}.png") for b, _ in accepted_bodies[sex]):
                cat.rejected.append((rel, "tone: no accepted body of this tone"))
                continue
            if not accepted_bodies[sex]:
                cat.rejected.append((rel, f"sex: no accepted {sex} body"))
                continue
            m, err = cat._measure(rel)
            if err:
                cat.rejected.append((rel, err))
                continue
            reason = _coverage_problem(m, category)
            if not reason:
                for _body, lifts in accepted_bodies[sex]:
                    reason = _fit_problem(m, lifts)
                    if reason:
                        break
            if reason:
                cat.rejected.append((rel, reason))
            else:
                cat.layers.append(Layer(*info))
        order = {c: i for i, c in enumerate(CATEGORIES)}
        cat.layers.sort(key=lambda l: (order[l.category], l.path))
        cat.rejected.sort()
        if cache_file is not None and cat._disk_dirty:
            _write_cache(cache_file, cat._disk)
        cat._disk = {}
        return cat

    def _measure(self, rel: str) -> Tuple[Optional[Measurement], Optional[str]]:
        path = self.root / rel
        try:
            st = path.stat()
        except OSError as exc:
            raise LpcError(f"cannot read {path}: {exc}") from exc
        stamp = [st.st_size, st.st_mtime_ns]
        hit = self._disk.get(rel)
        if hit is not None and hit[0] == stamp:
            if isinstance(hit[1], str):
                return None, hit[1]
            m = Measurement([[tuple(b) if b else None for b in line] for line in hit[1]])
            self.measurements[rel] = m
            return m, None
        try:
            with Image.open(path) as im:
                if im.size != SHEET_SIZE:
                    err = (f"size: {im.size[0]}x{im.size[1]}, not an "
                           f"{SHEET_SIZE[0]}x{SHEET_SIZE[1]} LPC sheet")
                    self._disk[rel] = [stamp, err]
                    self._disk_dirty = True
                    return None, err
                alpha = walk_rows_rgba(im)[..., 3]
        except OSError as exc:
            raise LpcError(f"cannot read {path}: {exc}") from exc
        m = measure_alpha(alpha)
        self.measurements[rel] = m
        self._disk[rel] = [stamp, [[list(b) if b else None for b in line] for line in m.boxes]]
        self._disk_dirty = True
        return m, None


# --------------------------------------------------------------------- helpers

def walk_rows_rgba(im: Image.Image) -> np.ndarray:
    """The walk cycle of an LPC sheet as uint8 RGBA [4 rows (up, left, down, right), 9, 64, 64, 4]."""
    f = sl.LPC_FRAME
    top = 8 * f
    crop = im.crop((0, top, sl.LPC_WALK_COLUMNS * f, top + 4 * f)).convert("RGBA")
    a = np.asarray(crop)
    return a.reshape(4, f, sl.LPC_WALK_COLUMNS, f, 4).transpose(0, 2, 1, 3, 4)


def measure_alpha(alpha: np.ndarray) -> Measurement:
    """Bounding boxes of alpha > 0 for each frame of a [4, 9, 64, 64] alpha array."""
    nz = alpha > 0
    rows_any = nz.any(axis=3)  # [4, 9, 64] over y
    cols_any = nz.any(axis=2)  # [4, 9, 64] over x
    boxes: List[List[Optional[Tuple[int, int, int, int]]]] = []
    for r in range(4):
        line = []
        for c in range(nz.shape[1]):
            ys = np.flatnonzero(rows_any[r, c])
            if ys.size == 0:
                line.append(None)
                continue
            xs = np.flatnonzero(cols_any[r, c])
            line.append((int(xs[0]), int(ys[0]), int(xs[-1]), int(ys[-1])))
        boxes.append(line)
    return Measurement(boxes)


def _coverage_problem(m: Measurement, category: str) -> Optional[str]:
    names = ("up", "left", "down", "right")
    for r, line in enumerate(m.boxes):
        filled = sum(b is not None for b in line)
        if filled == len(line):
            continue
        if filled == 0 and r == 0 and category in FRONT_ONLY:
            continue
        return f"coverage: walk row {r + 8} ({names[r]}) has {filled} of {len(line)} frames"
    if all(b is None for b in m.boxes[2]):
        return "coverage: nothing in the down view"
    return None


def _fit_problem(m: Measurement, lifts: Dict[Tuple[str, int], int]) -> Optional[str]:
    wx, wy, ww, wh = sl.FRAME_WINDOW
    for (_r, _c, direction, lpc_row, lpc_col) in sl.used_frames():
        box = m.boxes[lpc_row - 8][lpc_col]
        if box is None:
            continue
        lift = lifts[(direction, lpc_col)]
        x0, y0, x1, y1 = box[0], box[1] - lift, box[2], box[3] - lift
        if x0 < wx or y0 < wy or x1 > wx + ww - 1 or y1 > wy + wh - 1:
            return (f"fit: {direction} frame {lpc_col} spans x {x0}..{x1}, y {y0}..{y1} "
                    f"(after a lift of {lift}); the window is x {wx}..{wx + ww - 1}, "
                    f"y {wy}..{wy + wh - 1}")
    return None


def _png_files(root: Path) -> Iterable[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.lower().endswith(".png"):
                yield Path(dirpath, name).relative_to(root).as_posix()


_WORD = re.compile(r"[^a-z0-9]+")


def _sex_of(rel: str) -> Optional[str]:
    words = set(_WORD.split(rel.lower()[:-4]))
    has_m, has_f = "male" in words, "female" in words
    if has_m == has_f:
        return None
    return "male" if has_m else "female"


def _classify(rel: str):
    """(path, category, sex, group, name) for a candidate layer, or (None, reason)."""
    for prefix, reason in POLICY_EXCLUDED:
        if rel.startswith(prefix):
            return None, f"policy: {reason}"
    parts = rel[:-4].split("/")
    top = parts[0]
    sex = _sex_of(rel)
    if sex is None:
        return None, "sex: the path names neither male nor female (or both)"
    stem = parts[-1]
    if top == "body":
        # body/<sex>/<tone>.png, body/<sex>/eyes/<colour>.png, body/<sex>/{nose,ears}/<kind>_<tone>.png
        if len(parts) == 3:
            return (rel, "body", sex, "body", stem), None
        if len(parts) == 4 and parts[2] == "eyes":
            return (rel, "eyes", sex, "body/eyes", stem), None
        if len(parts) == 4 and parts[2] in ("nose", "ears") and "_" in stem:
            kind, tone = stem.split("_", 1)
            return (rel, parts[2], sex, f"body/{parts[2]}/{kind}", tone), None
        return None, "layout: unexpected file under body/"
    if top in ("hair", "facial"):
        # <top>/<sex>/<style>/<colour>.png; files beside the style folders are uncoloured templates
        if len(parts) != 4:
            return None, "policy: uncoloured template (the coloured files are in the style folder)"
        if stem.startswith("shadows-"):
            return None, "policy: shading overlay, not a hair colour"
        return (rel, top, sex, f"{top}/{parts[2]}", stem), None
    if top == "formal_male_no_th-sh":
        kind = {"pants": "legs", "shirt": "torso", "vest": "torso", "vest_w_shirt_cutout": "torso",
                "tie": "accessories", "bowtie": "accessories"}.get(stem)
        if kind is None:
            return None, "layout: unknown formal_male file"
        return (rel, kind, sex, f"formal/{stem}", stem), None
    if top in CATEGORIES:
        group_parts = [p for p in parts[:-1] if p not in SEXES]
        group = "/".join(group_parts) if len(group_parts) > 1 else f"{top}/{stem}"
        return (rel, top, sex, group, stem), None
    return None, f"policy: folder {top}/ is not a layer category"


_CACHE_FORMAT = 1


def _cache_file(root: Path) -> Optional[Path]:
    base = os.environ.get("CHARAGEN_CACHE")
    if base is not None and base.strip().lower() in ("off", "0", "no", "none", ""):
        return None
    if base:
        folder = Path(base)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        folder = (Path(xdg) if xdg else Path.home() / ".cache") / "charagen-train"
    key = hashlib.sha1(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    return folder / f"lpc-measurements-{key}.json"


def _read_cache(path: Path) -> Dict[str, list]:
    try:
        with open(path, "r", encoding="utf-8") as f:
            data = json.load(f)
        if data.get("format") == _CACHE_FORMAT and isinstance(data.get("files"), dict):
            return data["files"]
    except (OSError, ValueError, AttributeError):
        pass
    return {}


def _write_cache(path: Path, files: Dict[str, list]) -> None:
    """Best effort: a cache that cannot be written is simply not used."""
    try:
        with atomic_file(path, "w", overwrite=True, encoding="utf-8") as f:
            json.dump({"format": _CACHE_FORMAT, "files": files}, f, separators=(",", ":"))
    except OSError:
        pass


_CACHE: Dict[Tuple[str, float], LpcCatalogue] = {}
_CACHE_LOCK = threading.Lock()


def load_catalogue(root) -> LpcCatalogue:
    """`LpcCatalogue.scan(root)`, kept per process (keyed by the folder and its mtime)."""
    root = Path(root).resolve()
    if not root.is_dir():
        LpcCatalogue.scan(root)  # raises the LpcError
    key = (str(root), root.stat().st_mtime)
    with _CACHE_LOCK:
        cat = _CACHE.get(key)
        if cat is None:
            cat = LpcCatalogue.scan(root)
            _CACHE[key] = cat
        return cat


def layer_colours(root, layers: Iterable[Layer]) -> np.ndarray:
    """Unique RGB colours (uint8 [K, 3]) of the opaque-enough pixels (alpha >= 1) that the used
    walk frames of the given layers hold."""
    root = Path(root)
    seen = set()
    chunks = []
    for layer in layers:
        with Image.open(root / layer.path) as im:
            rgba = walk_rows_rgba(im)
        frames = [rgba[lpc_row - 8, lpc_col] for (_r, _c, _d, lpc_row, lpc_col) in sl.used_frames()]
        px = np.concatenate([f.reshape(-1, 4) for f in frames])
        px = px[px[:, 3] > 0, :3]
        packed = np.unique((px[:, 0].astype(np.int64) << 16) | (px[:, 1].astype(np.int64) << 8) | px[:, 2])
        new = [int(p) for p in packed if int(p) not in seen]
        seen.update(new)
        chunks.extend(new)
    packed = np.array(sorted(chunks), dtype=np.int64)
    return np.stack([(packed >> 16) & 255, (packed >> 8) & 255, packed & 255], axis=1).astype(np.uint8)


def nearest_colour_distance(colour, colours: np.ndarray) -> float:
    """Euclidean RGB distance from `colour` to the nearest of `colours` ([K, 3])."""
    c = np.asarray(colour, dtype=np.float64).reshape(1, 3)
    d = np.sqrt(((colours.astype(np.float64) - c) ** 2).sum(axis=1))
    return float(d.min()) if d.size else float("inf")


def farthest_colour(colours: np.ndarray, step: int = 8) -> Tuple[Tuple[int, int, int], float]:
    """The 8-bit RGB colour farthest (Euclidean) from every colour in `colours` ([K, 3]), and
    that distance: a search on a `step` grid of the RGB cube, then every colour within `step`
    of the best grid point."""
    pal = colours.astype(np.float32)

    def nearest_sq(points: np.ndarray) -> np.ndarray:
        best = np.full(len(points), np.inf, dtype=np.float32)
        for start in range(0, len(pal), 64):
            chunk = pal[start:start + 64]
            d = ((points[:, None, :] - chunk[None, :, :]) ** 2).sum(axis=2)
            np.minimum(best, d.min(axis=1), out=best)
        return best

    axis = np.unique(np.concatenate([np.arange(0, 256, step), [255]]))
    grid = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1).reshape(-1, 3).astype(np.float32)
    centre = grid[int(np.argmax(nearest_sq(grid)))]
    ranges = [np.arange(max(0, c - step), min(255, c + step) + 1) for c in centre.astype(int)]
    local = np.stack(np.meshgrid(*ranges, indexing="ij"), axis=-1).reshape(-1, 3).astype(np.float32)
    d = nearest_sq(local)
    i = int(np.argmax(d))
    return tuple(int(v) for v in local[i]), float(np.sqrt(d[i]))
