"""The whitelist for a StyleGAN2-ADA / StyleGAN3 training snapshot: every global such a pickle
names, each mapped to a function or class of ours that builds plain data. Nothing else resolves.
(The Java reader's SnapshotGlobals holds the same names.)"""
import numpy as np
import torch

from .restricted_unpickler import PickleRefusal
from .torch_storage import Storage, load_from_bytes

MAX_DIMS = 64
MAX_TENSOR_BYTES = (1 << 31) - 16


class PersistentObject:
    """What `torch_utils.persistence._reconstruct_persistent_obj(meta)` stands for: an object of
    class `class_name` with its `__dict__` (`state`). The meta's `module_src` (Python source) is
    dropped unread: it is never run."""

    def __init__(self, class_name: str, state: dict):
        self.class_name, self.state = class_name, state

    def __setstate__(self, state):
        raise PickleRefusal("BUILD (__setstate__) on a network object")


def reconstruct_persistent_obj(meta):
    if not isinstance(meta, dict):
        raise PickleRefusal("_reconstruct_persistent_obj is not given a meta dict")
    if meta.get('type') != 'class':
        raise PickleRefusal(f"persistent object of type {meta.get('type')!r:.40}, expected 'class'")
    if not isinstance(meta.get('class_name'), str):
        raise PickleRefusal("persistent object without a class_name")
    if not isinstance(meta.get('state'), dict):
        raise PickleRefusal(f"persistent object '{meta['class_name'][:60]}' has a "
                            f"{type(meta.get('state')).__name__} as state, expected a dict")
    return PersistentObject(meta['class_name'], meta['state'])


class OrderedDictValue(dict):
    """`collections.OrderedDict`: an ordered dict. Its BUILD state is instance attributes (torch
    keeps `_metadata` there on state dicts), which are not entries and are dropped."""

    def __setstate__(self, state):
        pass


class EasyDictValue(dict):
    """`dnnlib.util.EasyDict`: a dict whose attributes are its items, so a BUILD state is merged."""

    def __setstate__(self, state):
        attributes = state[0] if isinstance(state, tuple) and len(state) == 2 else state
        if attributes is None:
            return
        if not isinstance(attributes, dict):
            raise PickleRefusal(f"an EasyDict's BUILD state is a {type(attributes).__name__}, expected a dict")
        self.update(attributes)


class TensorValue:
    """A tensor read from the pickle (a contiguous CPU copy); becomes a torch.Tensor when flattened."""

    def __init__(self, tensor: torch.Tensor):
        self.tensor = tensor

    def __setstate__(self, state):
        raise PickleRefusal("BUILD (__setstate__) on a tensor")


def _ints(value, what):
    if not isinstance(value, tuple) or len(value) > MAX_DIMS:
        raise PickleRefusal(f"{what} is a {type(value).__name__}, expected a tuple of at most {MAX_DIMS} ints")
    for v in value:
        if type(v) is not int or v < 0:
            raise PickleRefusal(f"{what} holds {v!r:.40}, expected non-negative ints")
    return value


def rebuild_tensor_v2(storage, storage_offset, size, stride, *rest):
    """(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata]): a view of
    the storage, copied out contiguous."""
    if not isinstance(storage, Storage):
        raise PickleRefusal(f"_rebuild_tensor_v2 is given a {type(storage).__name__}, expected a storage")
    if type(storage_offset) is not int or storage_offset < 0:
        raise PickleRefusal(f"tensor storage offset is {storage_offset!r:.40}")
    size, stride = _ints(size, "tensor size"), _ints(stride, "tensor stride")
    if len(size) != len(stride):
        raise PickleRefusal(f"tensor size {size} and stride {stride} differ in length")
    numel = int(np.prod(size, dtype=object)) if size else 1
    if numel * storage.flat.element_size() > MAX_TENSOR_BYTES:
        raise PickleRefusal(f"tensor of size {list(size)} is too large (over 2 GiB)")
    last = storage_offset + sum((n - 1) * s for n, s in zip(size, stride) if n > 0)
    if numel > 0 and last >= storage.flat.numel():
        raise PickleRefusal(f"tensor of size {list(size)}, stride {list(stride)} at offset {storage_offset} "
                            f"reaches element {last} but its storage holds only {storage.flat.numel()} elements")
    if numel == 0:
        return TensorValue(torch.empty(size, dtype=storage.flat.dtype))
    return TensorValue(torch.as_strided(storage.flat, size, stride, storage_offset).clone())


def rebuild_parameter(data, *rest):
    """(tensor, requires_grad, backward_hooks): a Parameter is its tensor."""
    if not isinstance(data, TensorValue):
        raise PickleRefusal(f"_rebuild_parameter is given a {type(data).__name__}, expected a tensor")
    return data


class NumpyDtype:
    """`numpy.dtype(code, align, copy)` then BUILD with the byte order: numbers, booleans, objects."""

    def __init__(self, code, *rest):
        if not isinstance(code, str) or len(code) < 2 or code[0] not in 'fiubO':
            raise PickleRefusal(f"numpy dtype {code!r:.40} is not supported (only numbers, booleans and objects are)")
        try:
            self.dtype = np.dtype(code)
        except TypeError as e:
            raise PickleRefusal(f"numpy dtype {code!r:.40} is not supported") from e
        if self.dtype.fields is not None or self.dtype.subdtype is not None:
            raise PickleRefusal("structured numpy dtypes are not supported")

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) < 2 or state[1] not in ('<', '>', '|', '='):
            raise PickleRefusal("numpy dtype state is not a (version, byte order, ...) tuple")
        if len(state) > 3 and state[3] is not None:
            raise PickleRefusal("structured numpy dtypes are not supported")
        if state[1] == '>':
            self.dtype = self.dtype.newbyteorder('>')


class NumpyArrayType:
    """The class object `numpy.ndarray`: only ever an argument to `_reconstruct`."""

    def __call__(self, *args):
        raise PickleRefusal("numpy.ndarray is called directly")


NDARRAY = NumpyArrayType()


class NumpyArray:
    """`numpy.core.multiarray._reconstruct(ndarray, (0,), b'b')` then BUILD with
    (version, shape, dtype, is_fortran, raw bytes or, for object arrays, a list)."""

    def __init__(self):
        self.value = None

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) not in (4, 5):
            raise PickleRefusal(f"numpy array state is a {type(state).__name__}, expected a 5-tuple")
        shape, dtype, fortran, data = state[-4:]
        shape = _ints(shape, "numpy array shape")
        if not isinstance(dtype, NumpyDtype):
            raise PickleRefusal(f"numpy array dtype is a {type(dtype).__name__}")
        count = int(np.prod(shape, dtype=object)) if shape else 1
        order = 'F' if fortran is True else 'C'
        if dtype.dtype.kind == 'O':
            if not isinstance(data, list) or len(data) != count:
                raise PickleRefusal(f"numpy object array of {count} elements holds a {type(data).__name__}")
            flat = np.empty(count, dtype=object)
            for i, item in enumerate(data):
                flat[i] = item
            self.value = flat.reshape(shape, order=order)
            return
        if not isinstance(data, (bytes, bytearray)) or len(data) != count * dtype.dtype.itemsize:
            raise PickleRefusal(f"numpy array of shape {list(shape)} holds the wrong number of bytes")
        self.value = np.frombuffer(bytes(data), dtype=dtype.dtype).reshape(shape, order=order)


def numpy_reconstruct(cls, *rest):
    if cls is not NDARRAY:
        raise PickleRefusal("numpy _reconstruct is asked for something other than numpy.ndarray")
    return NumpyArray()


def numpy_scalar(dtype, raw=None):
    if not isinstance(dtype, NumpyDtype) or dtype.dtype.kind == 'O':
        raise PickleRefusal("numpy scalar is called without a numeric dtype")
    if not isinstance(raw, (bytes, bytearray)) or len(raw) != dtype.dtype.itemsize:
        raise PickleRefusal("numpy scalar holds the wrong number of bytes for its dtype")
    return np.frombuffer(bytes(raw), dtype=dtype.dtype)[0].item()


def make_set(items=()):
    if not isinstance(items, (list, tuple)):
        raise PickleRefusal(f"set() is given a {type(items).__name__}, expected a list")
    return set(items)


def snapshot_whitelist() -> dict:
    whitelist = {
        'torch_utils.persistence._reconstruct_persistent_obj': reconstruct_persistent_obj,
        'collections.OrderedDict': OrderedDictValue,
        'dnnlib.util.EasyDict': EasyDictValue,
        'torch._utils._rebuild_parameter': rebuild_parameter,
        'torch._utils._rebuild_tensor_v2': rebuild_tensor_v2,
        'torch.storage._load_from_bytes': load_from_bytes,
        'numpy.dtype': NumpyDtype,
        'numpy.ndarray': NDARRAY,
        'builtins.set': make_set,
        'builtins.frozenset': make_set,
    }
    # numpy 2 renamed numpy.core to numpy._core; pickles carry whichever wrote them.
    for module in ('numpy.core.multiarray', 'numpy._core.multiarray'):
        whitelist[module + '.scalar'] = numpy_scalar
        whitelist[module + '._reconstruct'] = numpy_reconstruct
    return whitelist


def plain(value, depth=0):
    """Plain data for kwargs and attributes: dict, list (from lists, tuples, sets, numpy arrays,
    tensors), int, float, bool, str, None, bytes. Raises PickleRefusal for anything else."""
    if depth > 100:
        raise PickleRefusal("a value is nested more than 100 levels deep (or refers to itself)")
    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        return value
    if isinstance(value, dict):
        return {plain(k, depth + 1): plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v, depth + 1) for v in value]
    if isinstance(value, set):
        return [plain(v, depth + 1) for v in sorted(value, key=repr)]
    if isinstance(value, NumpyArray):
        if value.value is None:
            raise PickleRefusal("numpy array was never given its data (no BUILD)")
        return plain(value.value.tolist(), depth + 1)
    if isinstance(value, NumpyDtype):
        return value.dtype.str
    if isinstance(value, TensorValue):
        return value.tensor.tolist()
    what = f"network object '{value.class_name[:60]}'" if isinstance(value, PersistentObject) else type(value).__name__
    raise PickleRefusal(f"a {what} where plain data was expected")
