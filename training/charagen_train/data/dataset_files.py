"""The on-disk format of a charagen training set, shared by the sprite and portrait builders.

A data set is a folder with:
- `dataset.json`: what the set is: kind ('sprite' or 'portrait'), resolution, count, seed,
  background, licence, attribution, sources, and whatever else the builder records.
- `labels.jsonl`: one JSON object per sample, in order, each with its "index".
- `images.npy.xz`: an lzma (.xz) compressed .npy file of uint8 [N, H, W, 3].
- `contact-sheet.png`: the first (up to) 64 images in a grid, to look at.

Every file is written atomically (temp file + rename). A builder refuses a non-empty folder
unless told to overwrite; overwriting replaces these files only and leaves anything else there.
"""

from __future__ import annotations

import io
import json
import lzma
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np
from PIL import Image

DATASET_JSON = "dataset.json"
LABELS_JSONL = "labels.jsonl"
IMAGES_NPY_XZ = "images.npy.xz"
CONTACT_SHEET_PNG = "contact-sheet.png"
FILES = (DATASET_JSON, LABELS_JSONL, IMAGES_NPY_XZ, CONTACT_SHEET_PNG)

CONTACT_SHEET_LIMIT = 64
LZMA_PRESET = 9  # 64 MiB dictionary: spans ~300 portraits at 256 px, whose flat colours repeat
_CHUNK = 1 << 20


def prepare_folder(folder: str | os.PathLike, overwrite: bool = False) -> Path:
    """Create `folder` if needed; refuse one that holds anything unless `overwrite`."""
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(f"output {path} exists and is not a folder")
    if path.is_dir() and any(path.iterdir()) and not overwrite:
        raise FileExistsError(f"output folder {path} is not empty; choose another or overwrite (--force)")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_json(path: str | os.PathLike, value) -> None:
    _atomic_write_bytes(Path(path), (json.dumps(value, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))


def write_labels(path: str | os.PathLike, labels: Iterable[dict]) -> None:
    lines = []
    for i, label in enumerate(labels):
        if label.get("index") != i:
            raise ValueError(f"label {i} has index {label.get('index')!r}; labels must be in order from 0")
        lines.append(json.dumps(label, sort_keys=True, ensure_ascii=False))
    _atomic_write_bytes(Path(path), ("\n".join(lines) + "\n").encode("utf-8") if lines else b"")


def read_labels(path: str | os.PathLike) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _npy_header(shape: tuple[int, ...]) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, {"descr": "|u1", "fortran_order": False, "shape": shape})
    return buf.getvalue()


class ImagesWriter:
    """Streams uint8 [H, W, 3] images into `images.npy.xz` without holding them all:

        with ImagesWriter(path, count, height, width) as w:
            for image in images: w.write(image)

    The file appears (by rename) only when exactly `count` images were written."""

    def __init__(self, path: str | os.PathLike, count: int, height: int, width: int):
        self.path = Path(path)
        self.shape = (count, height, width, 3)
        self.written = 0
        self._tmp = self.path.with_name(f".{self.path.name}.tmp")
        self._file = lzma.open(self._tmp, "wb", format=lzma.FORMAT_XZ, preset=LZMA_PRESET)
        self._file.write(_npy_header(self.shape))

    def write(self, image: np.ndarray) -> None:
        if image.dtype != np.uint8 or image.shape != self.shape[1:]:
            raise ValueError(f"image {self.written}: expected uint8 {self.shape[1:]}, got {image.dtype} {image.shape}")
        if self.written == self.shape[0]:
            raise ValueError(f"more than the {self.shape[0]} images announced")
        self._file.write(np.ascontiguousarray(image).tobytes())
        self.written += 1

    def __enter__(self) -> "ImagesWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._file.close()
        if exc_type is None and self.written != self.shape[0]:
            self._tmp.unlink(missing_ok=True)
            raise ValueError(f"{self.path}: {self.written} images written, {self.shape[0]} announced")
        if exc_type is None:
            os.replace(self._tmp, self.path)
        else:
            self._tmp.unlink(missing_ok=True)


def write_images(path: str | os.PathLike, images: np.ndarray) -> None:
    """uint8 [N, H, W, 3] -> images.npy.xz."""
    if images.ndim != 4 or images.shape[3] != 3 or images.dtype != np.uint8:
        raise ValueError(f"images must be uint8 [N, H, W, 3], got {images.dtype} {images.shape}")
    with ImagesWriter(path, *images.shape[:3]) as w:
        for image in images:
            w.write(image)


def read_images(path: str | os.PathLike) -> np.ndarray:
    """images.npy.xz -> uint8 [N, H, W, 3]."""
    with lzma.open(path, "rb") as f:
        images = np.lib.format.read_array(f, allow_pickle=False)
    if images.ndim != 4 or images.shape[3] != 3 or images.dtype != np.uint8:
        raise ValueError(f"{path}: expected uint8 [N, H, W, 3], found {images.dtype} {images.shape}")
    return images


def contact_sheet(images: np.ndarray, columns: int = 8, limit: int = CONTACT_SHEET_LIMIT) -> np.ndarray:
    """The first `limit` images in a grid `columns` wide: uint8 [rows*H, columns*W, 3]."""
    images = images[:limit]
    n, h, w, c = images.shape
    columns = max(1, min(columns, n))
    rows = -(-n // columns)
    sheet = np.zeros((rows * h, columns * w, c), np.uint8)
    for i, image in enumerate(images):
        r, k = divmod(i, columns)
        sheet[r * h:(r + 1) * h, k * w:(k + 1) * w] = image
    return sheet


def write_png(path: str | os.PathLike, image: np.ndarray) -> None:
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, format="PNG", optimize=False)
    _atomic_write_bytes(Path(path), buf.getvalue())


@dataclass
class Dataset:
    folder: Path
    meta: dict
    labels: list[dict]
    images: np.ndarray


def read_dataset(folder: str | os.PathLike) -> Dataset:
    path = Path(folder)
    with open(path / DATASET_JSON, encoding="utf-8") as f:
        meta = json.load(f)
    labels = read_labels(path / LABELS_JSONL)
    images = read_images(path / IMAGES_NPY_XZ)
    if not (len(labels) == images.shape[0] == meta.get("count")):
        raise ValueError(f"{path}: count {meta.get('count')}, {len(labels)} labels, {images.shape[0]} images")
    return Dataset(path, meta, labels, images)
