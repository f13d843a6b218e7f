"""Decodes the bytes handed to `torch.storage._load_from_bytes`: a torch.save stream of one
storage. Torch writes these in its legacy format (five pickles in a row, then the element count
and the raw little-endian elements); the newer zip format is accepted too. Only torch's storage
classes may be named, and declared sizes are checked against the bytes that are really there."""
import io
import pickle
import struct
import zipfile

import torch

from .restricted_unpickler import PickleRefusal, load_one

LEGACY_MAGIC = 0x1950a86a20f9469cfc6c
LEGACY_PROTOCOL = 1001
MAX_ZIP_ENTRIES = 1000

STORAGE_DTYPES = {
    'FloatStorage': torch.float32, 'DoubleStorage': torch.float64, 'HalfStorage': torch.float16,
    'BFloat16Storage': torch.bfloat16, 'LongStorage': torch.int64, 'IntStorage': torch.int32,
    'ShortStorage': torch.int16, 'CharStorage': torch.int8, 'ByteStorage': torch.uint8,
    'BoolStorage': torch.bool,
}


class StorageType:
    """What `torch.FloatStorage` and friends stand for: only ever part of a persistent id."""

    def __init__(self, dtype):
        self.dtype = dtype

    def __call__(self, *args):
        raise PickleRefusal("a torch storage class is called directly")


class StorageRef:
    """A persistent id: a storage of `numel` elements of `dtype` under `key`."""

    def __init__(self, dtype, key, numel):
        self.dtype, self.key, self.numel = dtype, key, numel


class Storage:
    """A decoded storage: a flat, contiguous CPU tensor."""

    def __init__(self, flat: torch.Tensor):
        self.flat = flat

    def __setstate__(self, state):
        raise PickleRefusal("BUILD (__setstate__) on a tensor storage")


STORAGE_WHITELIST = {f"torch.{name}": StorageType(dtype) for name, dtype in STORAGE_DTYPES.items()}


def _element_size(dtype) -> int:
    return torch.empty((), dtype=dtype).element_size()


def _non_negative_int(value, what):
    if type(value) is not int or value < 0:
        raise PickleRefusal(f"{what} is {type(value).__name__} {value!r:.40}, expected a non-negative int")
    return value


def _persistent_id_reader(length):
    def read(pid):
        if not isinstance(pid, tuple) or len(pid) != length or pid[0] != 'storage':
            raise PickleRefusal(f"persistent id is a {type(pid).__name__}, expected a {length}-tuple "
                                "starting with 'storage'")
        if not isinstance(pid[1], StorageType):
            raise PickleRefusal(f"persistent id names a {type(pid[1]).__name__} as storage type")
        if not isinstance(pid[2], str):
            raise PickleRefusal(f"persistent id has a {type(pid[2]).__name__} as storage key")
        numel = _non_negative_int(pid[4], "storage element count")
        if length == 6 and pid[5] is not None:
            raise PickleRefusal("storage views (view_metadata) are not supported")
        return StorageRef(pid[1].dtype, pid[2], numel)
    return read


def _flat_tensor(data: bytes, ref: StorageRef) -> torch.Tensor:
    needed = ref.numel * _element_size(ref.dtype)
    if needed > len(data):
        raise PickleRefusal(f"declares {ref.numel} {ref.dtype} elements ({needed} bytes) but only {len(data)} "
                            "bytes follow: truncated or corrupt")
    if ref.numel == 0:
        return torch.empty(0, dtype=ref.dtype)
    return torch.frombuffer(bytearray(data[:needed]), dtype=ref.dtype)


def _decode_legacy(blob: bytes) -> Storage:
    stream = io.BytesIO(blob)
    if load_one(stream, {}) != LEGACY_MAGIC:
        raise PickleRefusal("not a torch.save stream (wrong magic number)")
    protocol = load_one(stream, {})
    if protocol != LEGACY_PROTOCOL:
        raise PickleRefusal(f"torch.save protocol {protocol!r:.40}, expected {LEGACY_PROTOCOL}")
    sys_info = load_one(stream, {})
    if not isinstance(sys_info, dict) or sys_info.get('little_endian') is not True:
        raise PickleRefusal("written on a big-endian machine or without byte-order information")
    ref = load_one(stream, STORAGE_WHITELIST, _persistent_id_reader(6))
    if not isinstance(ref, StorageRef):
        raise PickleRefusal(f"holds a {type(ref).__name__}, expected one storage")
    keys = load_one(stream, {})
    if keys != [ref.key]:
        raise PickleRefusal("expected the key list to name its one storage")
    header = stream.read(8)
    if len(header) < 8:
        raise PickleRefusal("ends before its element count: truncated")
    (count,) = struct.unpack('<q', header)
    if count != ref.numel:
        raise PickleRefusal(f"its data header says {count} elements but its id says {ref.numel}")
    return Storage(_flat_tensor(stream.read(), ref))


def _decode_zip(blob: bytes) -> Storage:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise PickleRefusal(f"zip holds more than {MAX_ZIP_ENTRIES} entries")
        if sum(i.file_size for i in infos) > len(blob):
            raise PickleRefusal("zip entries inflate beyond the size of the zip")
        names = {i.filename for i in infos}
        pickles = [n for n in names if n.endswith('/data.pkl') and n.count('/') == 1]
        if not pickles:
            raise PickleRefusal("zip holds no <archive>/data.pkl")
        prefix = pickles[0][:-len('data.pkl')]
        if prefix + 'byteorder' in names and archive.read(prefix + 'byteorder').strip() != b'little':
            raise PickleRefusal("written in big-endian byte order")
        ref = load_one(io.BytesIO(archive.read(pickles[0])), STORAGE_WHITELIST, _persistent_id_reader(5))
        if not isinstance(ref, StorageRef):
            raise PickleRefusal(f"holds a {type(ref).__name__}, expected one storage")
        data_name = prefix + 'data/' + ref.key
        if data_name not in names:
            raise PickleRefusal(f"zip holds no data for storage '{ref.key[:40]}'")
        return Storage(_flat_tensor(archive.read(data_name), ref))


def load_from_bytes(blob) -> Storage:
    """`torch.storage._load_from_bytes(b)`, as data."""
    if not isinstance(blob, (bytes, bytearray)):
        raise PickleRefusal(f"tensor storage: _load_from_bytes is given a {type(blob).__name__}, expected bytes")
    try:
        if blob[:2] == b'PK':
            return _decode_zip(bytes(blob))
        return _decode_legacy(bytes(blob))
    except PickleRefusal as e:
        raise PickleRefusal(f"tensor storage: {e}") from e
    except (zipfile.BadZipFile, ValueError, EOFError, struct.error, RuntimeError,
            pickle.UnpicklingError) as e:
        raise PickleRefusal(f"tensor storage is malformed: {e}") from e

