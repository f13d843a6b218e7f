"""Data set folders, shared by the sprite and portrait builders.

A data set is a folder holding

  dataset.json       what it is: kind ('sprite' | 'portrait'), resolution, count, seed,
                     layout (the sprite sheet layout, or null), background [r, g, b] (or null),
                     licence, attribution, sources, plus whatever else the builder records
                     (image_shape is added: [H, W, 3]);
  labels.jsonl       one JSON object per sample, in order, each with "index" (0..count-1);
  images.npy.xz      an xz (lzma) compressed .npy file of uint8 [count, H, W, 3];
  contact-sheet.png  the first (up to) 64 samples in a grid, for people to look at;

and any attachments a builder adds (the sprite builder copies the LPC AUTHORS.txt). Every file
is written to a temporary name in the folder and renamed into place, so a crash or Ctrl-C
never leaves a half-written file under a real name.
"""
from __future__ import annotations

import io
import json
import lzma
import math
from pathlib import Path
from typing import Callable, Iterable, List, Mapping, NamedTuple, Optional, Tuple

import numpy as np
from ..errors import CharagenError
from ..safe_files import atomic_file
from PIL import Image

DATASET_JSON = "dataset.json"
LABELS_JSONL = "labels.jsonl"
IMAGES_NPY_XZ = "images.npy.xz"
CONTACT_SHEET = "contact-sheet.png"
CONTACT_SHEET_PNG = CONTACT_SHEET
FILES = (DATASET_JSON, LABELS_JSONL, IMAGES_NPY_XZ, CONTACT_SHEET)
KINDS = ("sprite", "portrait")
REQUIRED_META = ("kind", "resolution", "count", "seed", "layout", "background", "licence",
                 "attribution", "sources")
CONTACT_SHEET_MAX = 64


class DatasetError(CharagenError):
    """A data set folder that cannot be written or read; the message names the file."""


def write_dataset(folder, meta: Mapping, images_iter: Iterable[np.ndarray],
                  labels_iter: Iterable[Mapping], overwrite: bool = False, *,
                  attachments: Optional[Mapping[str, bytes]] = None,
                  progress: Optional[Callable[[int, int], None]] = None,
                  xz_preset: int = 6) -> dict:
    """Write a data set folder and return the dataset.json contents.

    `meta` must hold REQUIRED_META; `meta["count"]` images (uint8 [H, W, 3], all the same
    shape) and as many label dicts are consumed from the iterators, which are advanced
    together so a builder can generate samples on the fly. Each label gets "index" (if it
    has one it must be its position). An existing folder that is not empty is refused unless
    `overwrite`. `progress(done, count)` is called after each sample.
    """
    folder = Path(folder)
    meta = dict(meta)
    missing = [k for k in REQUIRED_META if k not in meta]
    if missing:
        raise DatasetError(f"{folder / DATASET_JSON}: meta lacks {', '.join(missing)}")
    if meta["kind"] not in KINDS:
        raise DatasetError(f"{folder / DATASET_JSON}: kind must be one of {KINDS}, got {meta['kind']!r}")
    count = meta["count"]
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise DatasetError(f"{folder / DATASET_JSON}: count must be a positive integer, got {count!r}")
    if folder.exists() and not folder.is_dir():
        raise DatasetError(f"{folder} exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not overwrite:
        raise DatasetError(f"{folder} already exists and is not empty (use --force to overwrite)")
    folder.mkdir(parents=True, exist_ok=True)
    # An old dataset.json goes first, so an interrupted overwrite never reads as complete.
    try:
        (folder / DATASET_JSON).unlink()
    except FileNotFoundError:
        pass

    images = iter(images_iter)
    labels = iter(labels_iter)
    contact: List[np.ndarray] = []
    label_lines: List[str] = []
    shape: Optional[Tuple[int, int, int]] = None
    with atomic_file(folder / IMAGES_NPY_XZ, overwrite=True) as raw:
        comp = lzma.LZMACompressor(format=lzma.FORMAT_XZ, preset=xz_preset)
        for i in range(count):
            try:
                img = next(images)
            except StopIteration:
                raise DatasetError(f"{folder / IMAGES_NPY_XZ}: the images ended after {i} of {count}") from None
            try:
                label = dict(next(labels))
            except StopIteration:
                raise DatasetError(f"{folder / LABELS_JSONL}: the labels ended after {i} of {count}") from None
            img = np.asarray(img)
            if img.dtype != np.uint8 or img.ndim != 3 or img.shape[2] != 3:
                raise DatasetError(f"{folder / IMAGES_NPY_XZ}: sample {i} is {img.dtype} {img.shape}, "
                                   f"expected uint8 [H, W, 3]")
            if shape is None:
                shape = tuple(img.shape)
                raw.write(comp.compress(_npy_header(count, shape)))
            elif tuple(img.shape) != shape:
                raise DatasetError(f"{folder / IMAGES_NPY_XZ}: sample {i} is {img.shape}, "
                                   f"sample 0 was {shape}")
            if label.get("index", i) != i:
                raise DatasetError(f"{folder / LABELS_JSONL}: label {i} has index {label['index']}")
            label = {"index": i, **{k: v for k, v in label.items() if k != "index"}}
            label_lines.append(json.dumps(label, sort_keys=False, ensure_ascii=False))
            raw.write(comp.compress(np.ascontiguousarray(img).tobytes()))
            if len(contact) < CONTACT_SHEET_MAX:
                contact.append(img.copy())
            if progress is not None:
                progress(i + 1, count)
        raw.write(comp.flush())

    with atomic_file(folder / LABELS_JSONL, overwrite=True) as f:
        f.write(("\n".join(label_lines) + "\n").encode("utf-8"))
    sheet = contact_sheet(contact, meta.get("background"))
    with atomic_file(folder / CONTACT_SHEET, overwrite=True) as f:
        sheet.save(f, format="PNG", optimize=False)
    for name, data in (attachments or {}).items():
        if Path(name).name != name or name in (DATASET_JSON, LABELS_JSONL, IMAGES_NPY_XZ, CONTACT_SHEET):
            raise DatasetError(f"{folder}: attachment name {name!r} is not a plain, free file name")
        with atomic_file(folder / name, overwrite=True) as f:
            f.write(data)
    meta["image_shape"] = list(shape)
    # dataset.json last: its presence means the folder is complete.
    with atomic_file(folder / DATASET_JSON, overwrite=True) as f:
        f.write((json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return meta


class Dataset(NamedTuple):
    meta: dict
    images: np.ndarray   # uint8 [N, H, W, 3]
    labels: List[dict]


def read_dataset(folder) -> Dataset:
    """(meta, images uint8 [N, H, W, 3], labels list) of a data set folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DatasetError(f"data set folder not found: {folder}")
    meta_path = folder / DATASET_JSON
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"{meta_path} is missing (an unfinished or foreign folder?)") from None
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{meta_path}: cannot read it as JSON: {exc}") from None
    if not isinstance(meta, dict):
        raise DatasetError(f"{meta_path}: expected a JSON object")
    missing = [k for k in REQUIRED_META if k not in meta]
    if missing:
        raise DatasetError(f"{meta_path}: lacks {', '.join(missing)}")
    count = meta["count"]
    if not isinstance(count, int) or count < 1:
        raise DatasetError(f"{meta_path}: count must be a positive integer, got {count!r}")

    labels_path = folder / LABELS_JSONL
    labels: List[dict] = []
    try:
        with open(labels_path, "r", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except ValueError as exc:
                    raise DatasetError(f"{labels_path}, line {n}: not JSON: {exc}") from None
                if not isinstance(obj, dict) or obj.get("index") != len(labels):
                    raise DatasetError(f"{labels_path}, line {n}: expected an object with "
                                       f"\"index\": {len(labels)}")
                labels.append(obj)
    except FileNotFoundError:
        raise DatasetError(f"{labels_path} is missing") from None
    if len(labels) != count:
        raise DatasetError(f"{labels_path}: {len(labels)} labels, dataset.json says count {count}")

    images_path = folder / IMAGES_NPY_XZ
    try:
        with lzma.open(images_path, "rb") as f:
            version = np.lib.format.read_magic(f)
            if version == (1, 0):
                shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
            elif version == (2, 0):
                shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
            else:
                raise DatasetError(f"{images_path}: unsupported .npy version {version}")
            if dtype != np.uint8 or fortran or len(shape) != 4 or shape[3] != 3:
                raise DatasetError(f"{images_path}: holds {dtype} {shape}"
                                   f"{' (Fortran order)' if fortran else ''}, expected uint8 [N, H, W, 3]")
            if shape[0] != count:
                raise DatasetError(f"{images_path}: {shape[0]} images, dataset.json says count {count}")
            images = np.empty(shape, dtype=np.uint8)  # read straight into a writable array
            nbytes, done = images.nbytes, 0
            view = memoryview(images).cast("B")
            while done < nbytes:
                n = f.readinto(view[done:])
                if not n:
                    raise DatasetError(f"{images_path}: truncated ({done} of {nbytes} bytes)")
                done += n
    except FileNotFoundError:
        raise DatasetError(f"{images_path} is missing") from None
    except (lzma.LZMAError, EOFError, ValueError, OSError) as exc:
        raise DatasetError(f"{images_path}: cannot read it as an xz-compressed .npy: {exc}") from None
    if "image_shape" in meta and list(shape[1:]) != list(meta["image_shape"]):
        raise DatasetError(f"{images_path}: images are {list(shape[1:])}, dataset.json says "
                           f"image_shape {meta['image_shape']}")
    return Dataset(meta, images, labels)


def contact_sheet(images: List[np.ndarray], background=None, gap: int = 4) -> Image.Image:
    """A grid (up to 8 across) of the given uint8 [H, W, 3] images, separated by `gap` px of a
    neutral grey that differs from `background`."""
    if not images:
        raise DatasetError("contact sheet: no images")
    h, w = images[0].shape[:2]
    n = len(images)
    cols = min(8, n)
    rows = math.ceil(n / cols)
    grey = (64, 64, 64) if background is None or tuple(background) != (64, 64, 64) else (96, 96, 96)
    sheet = np.empty((rows * h + (rows + 1) * gap, cols * w + (cols + 1) * gap, 3), dtype=np.uint8)
    sheet[...] = np.array(grey, dtype=np.uint8)
    for i, img in enumerate(images):
        r, c = divmod(i, cols)
        y = gap + r * (h + gap)
        x = gap + c * (w + gap)
        sheet[y:y + h, x:x + w] = img
    return Image.fromarray(sheet, "RGB")


def _npy_header(count: int, shape: Tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buf, {"descr": np.lib.format.dtype_to_descr(np.dtype(np.uint8)),
              "fortran_order": False, "shape": (count,) + tuple(shape)})
    return buf.getvalue()  # starts with the .npy magic

