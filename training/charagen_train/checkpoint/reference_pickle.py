"""Reads reference StyleGAN2-ADA / StyleGAN3 training snapshots (`*.pkl`) as data only.

The pickle may name nothing but the globals such snapshots use (`snapshot_globals`), is checked
opcode by opcode before it is loaded (`restricted_unpickler`), and the Python source that the
snapshots embed is never run. Networks become `NetworkRecord`s: the class name, the constructor's
kwargs as plain data, and the state dict under the names torch's `state_dict()` gives.
"""
import io
import os
import pickle
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Dict

import torch

from .errors import CheckpointError
from .restricted_unpickler import PickleRefusal, load_one
from .snapshot_globals import PersistentObject, TensorValue, plain, snapshot_whitelist

GENERATOR = 'G_ema'
MAX_DEPTH = 64


@dataclass(frozen=True)
class NetworkRecord:
    """One network read from a snapshot: reference class name (e.g. 'Generator'), constructor
    kwargs as plain values, state dict (reference names -> CPU tensors, in state_dict() order), and
    `source` naming the file and entry for messages."""
    class_name: str
    init_kwargs: Dict[str, Any]
    state_dict: 'OrderedDict[str, torch.Tensor]'
    source: str = field(default='')


def read_snapshot(path) -> Dict[str, Any]:
    """The snapshot's top-level dict: networks (G, D, G_ema, and augment_pipe when present) as
    NetworkRecords, other entries (training_set_kwargs, ...) as plain data where they are plain
    data, else left out. Raises CheckpointError unless the file is a snapshot with a G_ema network."""
    source = str(path)
    root = _unpickle(path, source)
    if not isinstance(root, dict):
        raise CheckpointError(source, f"not a StyleGAN training snapshot: the pickle holds a "
                                      f"{type(root).__name__}, expected a dict with a '{GENERATOR}' network")
    if GENERATOR not in root:
        keys = ', '.join(repr(k)[:40] for k in list(root)[:20]) or 'none'
        raise CheckpointError(source, f"not a StyleGAN training snapshot: it has no '{GENERATOR}' network "
                                      f"(its keys: {keys})")
    out = {}
    for key, value in root.items():
        if not isinstance(key, str):
            raise CheckpointError(source, f"not a StyleGAN training snapshot: it has a {type(key).__name__} as a key")
        if isinstance(value, PersistentObject) and _is_module(value):
            out[key] = _record(value, f"{source} ({key})")
        else:
            try:
                out[key] = plain(value)
            except PickleRefusal:
                pass
    if not isinstance(out.get(GENERATOR), NetworkRecord):
        value = root[GENERATOR]
        what = (f"network object '{value.class_name[:60]}' without the _parameters and _modules of a torch module"
                if isinstance(value, PersistentObject) else f"{type(value).__name__}, expected a network")
        raise CheckpointError(source, f"'{GENERATOR}' is a {what}")
    return out


def architecture_of(record: NetworkRecord) -> str:
    """'stylegan2', 'stylegan3-t' or 'stylegan3-r', from the parameter names and kwargs: StyleGAN3
    has a Fourier-feature input (synthesis.input.freqs), StyleGAN2 a learned constant
    (synthesis.b4.const); config R uses 1x1 convolutions and radial filters."""
    names, kwargs = record.state_dict, record.init_kwargs
    if 'synthesis.input.freqs' in names:
        radial = kwargs.get('conv_kernel') == 1 or kwargs.get('use_radial_filters') is True
        return 'stylegan3-r' if radial else 'stylegan3-t'
    if 'synthesis.b4.const' in names:
        return 'stylegan2'
    raise CheckpointError(record.source, "unknown architecture: the network has neither 'synthesis.input.freqs' "
                                         "(StyleGAN3) nor 'synthesis.b4.const' (StyleGAN2)")


def _unpickle(path, source):
    try:
        if not os.path.isfile(path):
            raise CheckpointError(source, "no such file")
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as e:
        raise CheckpointError(source, f"cannot read the file: {e}") from e
    if not data:
        raise CheckpointError(source, "the file is empty; expected a StyleGAN training snapshot (.pkl)")
    if data[:2] == b'PK':
        raise CheckpointError(source, "this is a zip archive (a torch.save .pt file?), not a StyleGAN training "
                                      "snapshot pickle")
    if data[0] != 0x80:
        raise CheckpointError(source, f"not a pickle of protocol 2 or later (it starts with bytes {data[:4].hex(' ')}); "
                                      "expected a StyleGAN training snapshot (.pkl)")
    stream = io.BytesIO(data)
    try:
        return load_one(stream, snapshot_whitelist())
    except PickleRefusal as e:
        raise CheckpointError(source, str(e)) from e
    except MemoryError as e:
        raise CheckpointError(source, "the file declares more data than this process can hold") from e
    except RecursionError as e:
        raise CheckpointError(source, "data nested too deeply") from e
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError, IndexError, AttributeError,
            OverflowError, RuntimeError) as e:
        raise CheckpointError(source, f"malformed pickle at byte {stream.tell()}: {type(e).__name__}: {e}") from e


def _is_module(obj: PersistentObject) -> bool:
    return isinstance(obj.state.get('_parameters'), dict) and isinstance(obj.state.get('_modules'), dict)


def _record(obj: PersistentObject, source: str) -> NetworkRecord:
    tensors = OrderedDict()
    _flatten(obj, '', 0, tensors, source)
    args = obj.state.get('_init_args')
    if args not in (None, (), []):
        raise CheckpointError(source, "the network was built with positional arguments, which cannot be named "
                                      "without running its source")
    kwargs = obj.state.get('_init_kwargs')
    if kwargs is not None and not isinstance(kwargs, dict):
        raise CheckpointError(source, f"_init_kwargs is a {type(kwargs).__name__}, expected a dict")
    init_kwargs = {}
    for name, value in (kwargs or {}).items():
        if not isinstance(name, str):
            raise CheckpointError(source, f"_init_kwargs has a {type(name).__name__} as a key")
        try:
            init_kwargs[name] = plain(value)
        except PickleRefusal as e:
            raise CheckpointError(source, f"kwarg '{name}' is {e}") from e
    return NetworkRecord(obj.class_name, init_kwargs, tensors, source)


def _flatten(module: PersistentObject, prefix: str, depth: int, out: OrderedDict, source: str):
    """A module's own parameters, then its persistent buffers, then each submodule under `name.`,
    as torch's state_dict() lists them; None entries are skipped."""
    if depth > MAX_DEPTH:
        raise CheckpointError(source, f"modules are nested more than {MAX_DEPTH} levels deep at '{prefix}' "
                                      "(or a module contains itself)")
    state = module.state
    skipped = state.get('_non_persistent_buffers_set') or set()
    if not isinstance(skipped, set):
        raise CheckpointError(source, f"module '{prefix}' has a {type(skipped).__name__} as "
                                      "_non_persistent_buffers_set, expected a set")
    for kind, key in (('parameter', '_parameters'), ('buffer', '_buffers')):
        entries = state.get(key) or {}
        if not isinstance(entries, dict):
            raise CheckpointError(source, f"module '{prefix}' has a {type(entries).__name__} as {key}, expected a dict")
        for name, value in entries.items():
            _check_name(name, prefix, source)
            if value is None or (kind == 'buffer' and name in skipped):
                continue
            if not isinstance(value, TensorValue):
                raise CheckpointError(source, f"{kind} '{prefix}{name}' is a {type(value).__name__}, expected a tensor")
            if prefix + name in out:
                raise CheckpointError(source, f"tensor '{prefix}{name}' appears twice")
            out[prefix + name] = value.tensor
    for name, child in state['_modules'].items():
        _check_name(name, prefix, source)
        if child is None:
            continue
        if not isinstance(child, PersistentObject):
            raise CheckpointError(source, f"submodule '{prefix}{name}' is a {type(child).__name__}; only reference "
                                          "persistent modules are supported")
        if not _is_module(child):
            raise CheckpointError(source, f"submodule '{prefix}{name}' ({child.class_name[:60]}) lacks the "
                                          "_parameters and _modules of a torch module")
        _flatten(child, f"{prefix}{name}.", depth + 1, out, source)


def _check_name(name, prefix, source):
    if not isinstance(name, str) or not name or '.' in name:
        shown = repr(name)[:60] if isinstance(name, str) else f"by a {type(name).__name__}"
        raise CheckpointError(source, f"module '{prefix}' has an entry named {shown}, expected a plain attribute name")
