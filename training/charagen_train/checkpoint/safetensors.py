"""The safetensors format (8-byte little-endian header length, a JSON header, raw tensor bytes),
read strictly: a damaged or hostile file gets an error naming it before anything is allocated.
The format is plain data, so reading it can never run code."""

import json
import struct
from pathlib import Path
from typing import Dict, Mapping, Optional

import numpy as np

from ..errors import CharagenError
from ..safe_files import atomic_write_bytes

MAX_HEADER_BYTES = 100 << 20
DTYPES = {"F32": np.dtype("<f4"), "F16": np.dtype("<f2"), "I64": np.dtype("<i8")}
_NAMES = {dtype: name for name, dtype in DTYPES.items()}


def encode(tensors: Mapping[str, np.ndarray], metadata: Optional[Mapping[str, str]] = None) -> bytes:
    header = {}
    chunks = []
    offset = 0
    for name in sorted(tensors):
        array = np.asarray(tensors[name], order="C")  # (ascontiguousarray would make scalars 1-d)
        dtype = array.dtype.newbyteorder("<")
        if dtype not in _NAMES:
            raise CharagenError(f"tensor '{name}' has dtype {array.dtype}; safetensors here holds F32, F16 or I64")
        data = array.astype(dtype, copy=False).tobytes()
        header[name] = {"dtype": _NAMES[dtype], "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # the data starts 8-byte aligned
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def write(path: Path, tensors: Mapping[str, np.ndarray], metadata: Optional[Mapping[str, str]] = None,
          overwrite: bool = False) -> bytes:
    """Writes atomically; returns the bytes written (callers hash them)."""
    data = encode(tensors, metadata)
    atomic_write_bytes(Path(path), data, overwrite)
    return data


def decode(data: bytes, source: str) -> Dict[str, np.ndarray]:
    """The tensors of a safetensors file's bytes; source names the file in errors."""
    if len(data) < 8:
        raise CharagenError(f"{source}: too short for a safetensors file ({len(data)} bytes)")
    (length,) = struct.unpack("<Q", data[:8])
    if length > MAX_HEADER_BYTES or 8 + length > len(data):
        raise CharagenError(f"{source}: header length {length} does not fit the file of {len(data)} bytes")
    try:
        header = json.loads(data[8:8 + length].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CharagenError(f"{source}: the header is not JSON: {e}") from None
    if not isinstance(header, dict):
        raise CharagenError(f"{source}: the header is not a JSON object")
    body = memoryview(data)[8 + length:]
    tensors = {}
    spans = []
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        where = f"{source}: tensor '{name}'"
        if not isinstance(entry, dict) or set(entry) != {"dtype", "shape", "data_offsets"}:
            raise CharagenError(f"{where}: expected exactly dtype, shape and data_offsets")
        dtype = DTYPES.get(entry["dtype"])
        if dtype is None:
            raise CharagenError(f"{where}: dtype {entry['dtype']!r} is not one of {sorted(DTYPES)}")
        shape, offsets = entry["shape"], entry["data_offsets"]
        if not (isinstance(shape, list) and all(type(s) is int and s >= 0 for s in shape)):
            raise CharagenError(f"{where}: shape {shape!r} is not a list of non-negative integers")
        if not (isinstance(offsets, list) and len(offsets) == 2 and all(type(o) is int for o in offsets)
                and 0 <= offsets[0] <= offsets[1] <= len(body)):
            raise CharagenError(f"{where}: data_offsets {offsets!r} fall outside the {len(body)} data bytes")
        count = int(np.prod(shape, dtype=np.int64)) if shape else 1
        if count * dtype.itemsize != offsets[1] - offsets[0]:
            raise CharagenError(f"{where}: shape {shape} needs {count * dtype.itemsize} bytes, "
                                f"data_offsets give {offsets[1] - offsets[0]}")
        spans.append((offsets[0], offsets[1], name))
        tensors[name] = np.frombuffer(body[offsets[0]:offsets[1]], dtype=dtype).reshape(shape).copy()
    spans.sort()
    for (_, end, first), (start, _, second) in zip(spans, spans[1:]):
        if start < end:
            raise CharagenError(f"{source}: tensors '{first}' and '{second}' overlap")
    return tensors


def read(path: Path) -> Dict[str, np.ndarray]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CharagenError(f"{path}: no such file") from None
    except OSError as e:
        raise CharagenError(f"{path}: cannot read the file: {e}") from None
    return decode(data, str(path))
