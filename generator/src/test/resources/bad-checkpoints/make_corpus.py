#!/usr/bin/env python3
"""Makes the hand-made checkpoints the Java tests read:  python3 make_corpus.py

Needs only the standard library and numpy. torch, torch_utils and dnnlib are not needed:
stand-in functions and classes that pickle under the real names give the files the exact
structure of StyleGAN training snapshots. This script never unpickles anything.

Writes bad checkpoints here (each must be refused with a clear error) and good ones, with
the values a reader must find, to ../handmade-checkpoints/.
"""
import collections
import io
import json
import os
import pickle
import random
import struct
import sys
import types
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = os.path.join(HERE, '..', 'handmade-checkpoints')
# Created in the working directory by the hostile pickles, should they ever be run.
MARKER = 'CHARAGEN_PICKLE_RAN_CODE'
# A snapshot embeds its modules' Python source; a reader must never run it.
HOSTILE_SOURCE = "import os\nos.system('touch %s')\n" % MARKER
LEGACY_MAGIC = 0x1950a86a20f9469cfc6c
OrderedDict = collections.OrderedDict


# ---- stand-ins that pickle under the names the real snapshots use ----

def _module(module_name):
    parts = module_name.split('.')
    for i in range(1, len(parts) + 1):
        sys.modules.setdefault('.'.join(parts[:i]), types.ModuleType('.'.join(parts[:i])))
    return sys.modules[module_name]


def stand_in(qualified):
    """A function pickled by reference as `qualified`; it must never be called."""
    module_name, name = qualified.rsplit('.', 1)

    def never(*args):
        raise RuntimeError('stand-in for %s called' % qualified)
    never.__module__, never.__name__, never.__qualname__ = module_name, name, name
    setattr(_module(module_name), name, never)
    return never


def stand_in_class(qualified, base=object):
    module_name, name = qualified.rsplit('.', 1)
    cls = type(name, (base,), {'__module__': module_name, '__qualname__': name})
    setattr(_module(module_name), name, cls)
    return cls


_reconstruct_persistent_obj = stand_in('torch_utils.persistence._reconstruct_persistent_obj')
_load_from_bytes = stand_in('torch.storage._load_from_bytes')
_rebuild_tensor_v2 = stand_in('torch._utils._rebuild_tensor_v2')
_rebuild_parameter = stand_in('torch._utils._rebuild_parameter')
EasyDict = stand_in_class('dnnlib.util.EasyDict', dict)
Linear = stand_in_class('torch.nn.modules.linear.Linear')
STORAGE_CLASSES = {np.dtype(np.float32): stand_in_class('torch.FloatStorage'),
                   np.dtype(np.float16): stand_in_class('torch.HalfStorage')}


class Call:
    """Pickles as fn(*args): the fn's global, the argument tuple, REDUCE."""

    def __init__(self, fn, *args):
        self.fn, self.args = fn, args

    def __reduce__(self):
        return self.fn, self.args


def _with_persistent_id(pid, protocol=2):
    """A pickle whose only object is the persistent id `pid` (BINPERSID)."""
    marker = object()

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj):
            return pid if obj is marker else None
    out = io.BytesIO()
    Pickler(out, protocol=protocol).dump(marker)
    return out.getvalue()


def legacy_storage(array, count=None, data=None, magic=LEGACY_MAGIC):
    """torch.save(storage) in torch's legacy format, as Storage.__reduce__ writes it."""
    flat = np.ascontiguousarray(array).reshape(-1)
    out = io.BytesIO()
    for obj in (magic, 1001, dict(protocol_version=1001, little_endian=True,
                                  type_sizes=dict(short=2, int=4, long=4))):
        pickle.dump(obj, out, protocol=2)
    out.write(_with_persistent_id(('storage', STORAGE_CLASSES[flat.dtype], 'k0', 'cpu', flat.size, None)))
    pickle.dump(['k0'], out, protocol=2)
    out.write(struct.pack('<q', flat.size if count is None else count))
    out.write(flat.astype(flat.dtype.newbyteorder('<')).tobytes() if data is None else data)
    return out.getvalue()


def zip_storage(array):
    """torch.save(storage) in the newer zip format."""
    flat = np.ascontiguousarray(array).reshape(-1)
    out = io.BytesIO()
    entries = [('archive/data.pkl', _with_persistent_id(('storage', STORAGE_CLASSES[flat.dtype], '0', 'cpu',
                                                         flat.size))),
               ('archive/byteorder', b'little'),
               ('archive/data/0', flat.astype(flat.dtype.newbyteorder('<')).tobytes()),
               ('archive/version', b'3\n')]
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED) as z:
        for name, data in entries:
            # A fixed timestamp keeps the files the same from run to run.
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


def c_strides(shape):
    strides, step = [], 1
    for size in reversed(shape):
        strides.insert(0, step)
        step *= size
    return tuple(strides)


def tensor(array, storage=None, offset=0, size=None, stride=None, parameter=True):
    array = np.asarray(array)
    size = tuple(array.shape) if size is None else tuple(size)
    stride = c_strides(size) if stride is None else tuple(stride)
    t = Call(_rebuild_tensor_v2, Call(_load_from_bytes, legacy_storage(array) if storage is None else storage),
             offset, size, stride, False, OrderedDict())
    return Call(_rebuild_parameter, t, False, OrderedDict()) if parameter else t


def module(class_name, params=(), buffers=(), modules=(), kwargs=None, attrs=None, non_persistent=(),
           init_args=()):
    """A torch_utils.persistence persistent module, as the reference code pickles it."""
    state = {'training': False, '_parameters': OrderedDict(params), '_buffers': OrderedDict(buffers),
             '_non_persistent_buffers_set': set(non_persistent), '_backward_hooks': OrderedDict(),
             '_modules': OrderedDict(modules)}
    state.update(attrs or {})
    state['_init_args'] = tuple(init_args)
    state['_init_kwargs'] = EasyDict(kwargs or {})
    meta = dict(type='class', version=6, module_src=HOSTILE_SOURCE, class_name=class_name, state=state)
    return Call(_reconstruct_persistent_obj, meta)


def snapshot(g_ema):
    d = module('Discriminator', modules=[('b4', module('DiscriminatorEpilogue',
                                                       params=[('bias', tensor(np.float32([0.5])))]))],
               kwargs=dict(c_dim=0, img_resolution=4, img_channels=3))
    return {'G': g_ema, 'D': d, 'G_ema': g_ema, 'augment_pipe': None,
            'training_set_kwargs': EasyDict(class_name='training.dataset.ImageFolderDataset', path='data.zip',
                                            resolution=4, use_labels=False)}


def write(folder, name, data):
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else pickle.dumps(data, protocol=4))


# ---- a tiny StyleGAN2-shaped generator (z_dim = w_dim = 4, 4x4 output, num_ws 2) ----

def tiny_sg2(fc0_weight=None, const_tensor=None, extra_kwargs=None, init_args=()):
    rng = np.random.RandomState(7)
    values = {}

    def remember(name, array):
        values[name] = np.asarray(array)
        return np.asarray(array)

    fc0_weight = remember('mapping.fc0.weight', rng.randn(4, 4).astype(np.float32)
                          if fc0_weight is None else fc0_weight)
    fc0_bias = remember('mapping.fc0.bias', rng.randn(4).astype(np.float32))
    w_avg = remember('mapping.w_avg', rng.randn(4).astype(np.float32))
    const = remember('synthesis.b4.const', rng.randn(4, 4, 4).astype(np.float32))
    # Exactly representable in float16.
    resample = remember('synthesis.b4.resample_filter', np.float16([[0.5, 1.25], [-2.0, 0.125]]))
    # conv1.weight is a transposed view at an offset into a larger storage.
    backing = rng.randn(14).astype(np.float32)
    conv_weight = remember('synthesis.b4.conv1.weight', backing[2:].reshape(4, 3).T)
    conv_bias = remember('synthesis.b4.conv1.bias', rng.randn(3).astype(np.float32))

    kwargs = dict(z_dim=4, c_dim=0, w_dim=4, img_resolution=4, img_channels=3,
                  mapping_kwargs=EasyDict(num_layers=1), channel_base=16, channel_max=4,
                  conv_clamp=None, lr_multiplier=np.float64(0.01), use_noise=np.bool_(True),
                  fir=np.array([1, 3, 3, 1], dtype=np.int64), pair=(1, 2),
                  fortran=np.asfortranarray(np.array([[1.5, 2.5], [3.5, 4.5]])))
    kwargs.update(extra_kwargs or {})
    conv1 = module('SynthesisLayer',
                   params=[('weight', tensor(conv_weight, storage=legacy_storage(backing), offset=2,
                                             size=(3, 4), stride=(1, 3))),
                           ('noise_strength', None),
                           ('bias', tensor(conv_bias))],
                   attrs=dict(in_channels=4, out_channels=3))
    b4 = module('SynthesisBlock',
                params=[('const', tensor(const, storage=zip_storage(const)) if const_tensor is None else const_tensor)],
                buffers=[('resample_filter', tensor(resample, parameter=False)),
                         ('scratch', tensor(np.float32([9, 9]), parameter=False))],
                non_persistent=['scratch'],
                modules=[('conv1', conv1), ('torgb', None)])
    synthesis = module('SynthesisNetwork', modules=[('b4', b4)], attrs=dict(num_ws=2, img_resolution=4))
    mapping = module('MappingNetwork',
                     modules=[('fc0', module('FullyConnectedLayer',
                                             params=[('weight', tensor(fc0_weight)), ('bias', tensor(fc0_bias))]))],
                     buffers=[('w_avg', tensor(w_avg, parameter=False))])
    g = module('Generator', modules=[('synthesis', synthesis), ('mapping', mapping)], kwargs=kwargs,
               attrs=dict(z_dim=4, c_dim=0, w_dim=4, img_resolution=4, img_channels=3, num_ws=2,
                          sampling_rate=np.float64(16.0), size=np.array([36, 36])),
               init_args=init_args)
    return g, values


def expected_values(values):
    # state_dict() order: a module's parameters, its persistent buffers, then its submodules.
    order = ['synthesis.b4.const', 'synthesis.b4.resample_filter', 'synthesis.b4.conv1.weight',
             'synthesis.b4.conv1.bias', 'mapping.w_avg', 'mapping.fc0.weight', 'mapping.fc0.bias']
    return {'names': order,
            'tensors': {n: {'dtype': str(values[n].dtype), 'shape': list(values[n].shape),
                            'values': [float(v) for v in values[n].reshape(-1)]} for n in order}}


# ---- hand-assembled hostile pickles ----

def short_unicode(text):
    data = text.encode()
    return b'\x8c' + bytes([len(data)]) + data


def binunicode(text):
    data = text.encode()
    return b'X' + struct.pack('<I', len(data)) + data


def stack_global(module_name, name):
    return short_unicode(module_name) + short_unicode(name) + b'\x93'


def call1(callable_ops, argument_ops):
    return callable_ops + argument_ops + b'\x85R'  # TUPLE1, REDUCE


def in_snapshot_dict(value_ops):
    return b'\x80\x04}(' + short_unicode('G_ema') + value_ops + b'u.'  # EMPTY_DICT MARK ... SETITEMS STOP


def main():
    os.makedirs(GOOD, exist_ok=True)
    touch = 'touch ' + MARKER

    # Good: a tiny StyleGAN2-shaped snapshot, and one whose tensor contradicts its kwargs.
    g, values = tiny_sg2()
    write(GOOD, 'tiny-sg2.pkl', snapshot(g))
    with open(os.path.join(GOOD, 'tiny-sg2.expected.json'), 'w') as f:
        json.dump(expected_values(values), f, indent=1)
        f.write('\n')
    g, _ = tiny_sg2(fc0_weight=np.zeros((4, 5), np.float32))
    write(GOOD, 'wrong-shape.pkl', snapshot(g))

    # Bad: code execution and object construction.
    write(HERE, 'os-system.pkl', in_snapshot_dict(call1(stack_global('os', 'system'), short_unicode(touch))))
    write(HERE, 'os-system-protocol2.pkl', b'\x80\x02cos\nsystem\n' + binunicode(touch) + b'\x85R.')
    write(HERE, 'builtins-eval.pkl', b'\x80\x04' + call1(stack_global('builtins', 'eval'),
                                                         short_unicode("__import__('os').system('%s')" % touch)) + b'.')
    write(HERE, 'inst-opcode.pkl', b'\x80\x02(' + binunicode(touch) + b'ios\nsystem\n.')
    write(HERE, 'obj-opcode.pkl', b'\x80\x02(ccollections\nOrderedDict\no.')
    write(HERE, 'ext-opcode.pkl', b'\x80\x02\x82\x01.')
    write(HERE, 'persistent-id.pkl', b'\x80\x02' + binunicode('storage') + b'Q.')
    write(HERE, 'build-on-dict.pkl', b'\x80\x04}}b.')
    write(HERE, 'torch-module-class.pkl', snapshot(Call(Linear)))
    legacy = legacy_storage(np.float32([1, 2]))
    write(HERE, 'storage-names-os-system.pkl',
          snapshot(tensor(np.float32([1, 2]), storage=legacy.replace(b'ctorch\nFloatStorage\n', b'cos\nsystem\n'))))

    # Bad: not a snapshot.
    write(HERE, 'empty.pkl', b'')
    noise = bytearray(random.Random(20240601).randbytes(4096))
    noise[0] = 0x13
    write(HERE, 'random-bytes.pkl', bytes(noise))
    write(HERE, 'protocol0-list.pkl', pickle.dumps([1, 2, 3], protocol=0))
    write(HERE, 'plain-list.pkl', [1, 2, 3])
    write(HERE, 'no-g-ema.pkl', {'G': None, 'D': None})
    write(HERE, 'g-ema-not-a-network.pkl', {'G_ema': [1, 2, 3]})
    write(HERE, 'unknown-architecture.pkl', snapshot(module(
        'Generator', modules=[('foo', module('Layer', params=[('weight', tensor(np.float32([[1, 2]])))]))],
        kwargs=dict(z_dim=4, w_dim=4, img_resolution=4, img_channels=3))))
    g, _ = tiny_sg2(init_args=(4, 0, 4))
    write(HERE, 'positional-args.pkl', snapshot(g))

    # Bad: declared sizes that the data does not back.
    sixteen = np.arange(16, dtype=np.float32)
    g, _ = tiny_sg2(const_tensor=tensor(sixteen.reshape(4, 4), storage=legacy_storage(sixteen, data=sixteen[:10].tobytes())))
    write(HERE, 'storage-data-short.pkl', snapshot(g))
    ten = np.arange(10, dtype=np.float32)
    g, _ = tiny_sg2(const_tensor=tensor(ten, storage=legacy_storage(ten), size=(4, 4), stride=(4, 1)))
    write(HERE, 'tensor-beyond-storage.pkl', snapshot(g))
    g, _ = tiny_sg2(const_tensor=tensor(ten, storage=legacy_storage(ten), size=(1 << 20, 1 << 20, 1 << 10),
                                        stride=(0, 0, 0)))
    write(HERE, 'tensor-too-large.pkl', snapshot(g))
    write(HERE, 'storage-wrong-magic.pkl', snapshot(tensor(ten, storage=legacy_storage(ten, magic=12345))))
    write(HERE, 'huge-bytes-declared.pkl', b'\x80\x04\x8e' + struct.pack('<Q', 1 << 60) + b'abc.')


if __name__ == '__main__':
    main()
