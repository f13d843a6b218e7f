"""A pickle reader that reads data only.

Two guards stand between a file and any code:
1. `check_opcodes` walks the pickle with `pickletools.genops` (which parses, never executes) and
   refuses the opcodes a StyleGAN snapshot never uses but that build arbitrary objects (INST,
   OBJ, the copyreg EXT registry), persistent ids outside torch.save streams, the protocol-0 text
   opcodes and out-of-band buffers; it also refuses protocols before 2.
2. `RestrictedUnpickler.find_class` resolves only the names in the whitelist it is given, each to
   a function or class of ours that builds plain data (never the named object itself). REDUCE and
   NEWOBJ can only call what find_class returned, so nothing else can run.

BUILD (`__setstate__`) reaches our own classes, which accept only the state they expect.
"""
import io
import pickle
import pickletools

REFUSED_OPCODES = {
    'INST': 'builds arbitrary objects',
    'OBJ': 'builds arbitrary objects',
    'EXT1': 'reads the copyreg extension registry',
    'EXT2': 'reads the copyreg extension registry',
    'EXT4': 'reads the copyreg extension registry',
    'NEXT_BUFFER': 'uses out-of-band buffers',
    'READONLY_BUFFER': 'uses out-of-band buffers',
}
# Text opcodes of protocol 0; pickles of protocol 2 and later never contain them.
PROTOCOL0_OPCODES = {'PERSID', 'INT', 'LONG', 'FLOAT', 'STRING', 'UNICODE', 'GET', 'PUT'}
MAX_LONG_BYTES = 1 << 16


class PickleRefusal(Exception):
    """Raised inside the reader when a pickle does what a StyleGAN checkpoint never does.
    The message says what, without the file name: the caller adds that."""


def check_opcodes(stream: io.BytesIO, allow_persistent_ids: bool = False) -> None:
    """Walks one pickle (up to STOP) from the stream's position and puts the position back."""
    start = stream.tell()
    first = True
    try:
        for op, arg, pos in pickletools.genops(stream):
            name = op.name
            if first:
                first = False
                if name != 'PROTO':
                    raise PickleRefusal(f"not a pickle of protocol 2 or later (it starts with opcode {name})")
                if not 2 <= arg <= pickle.HIGHEST_PROTOCOL:
                    raise PickleRefusal(f"unsupported pickle protocol {arg} (expected 2 to {pickle.HIGHEST_PROTOCOL})")
            if name in REFUSED_OPCODES:
                raise PickleRefusal(f"the pickle uses the {name} opcode at byte {pos}, which "
                                    f"{REFUSED_OPCODES[name]} and which a StyleGAN snapshot never needs")
            if name in PROTOCOL0_OPCODES:
                raise PickleRefusal(f"the pickle uses the protocol-0 text opcode {name} at byte {pos}, "
                                    "which pickles of protocol 2 and later never contain")
            if name == 'BINPERSID' and not allow_persistent_ids:
                raise PickleRefusal(f"the pickle uses a persistent id at byte {pos}, which only torch.save "
                                    "streams use")
            if name == 'LONG4' and arg is not None and abs(arg).bit_length() > 8 * MAX_LONG_BYTES:
                raise PickleRefusal(f"the pickle declares an integer of more than {MAX_LONG_BYTES} bytes")
    except PickleRefusal:
        raise
    except (ValueError, EOFError, KeyError, TypeError) as e:
        # genops raises ValueError for unknown opcodes and for data that runs past the end.
        raise PickleRefusal(f"malformed or truncated pickle: {e}") from e
    if first:
        raise PickleRefusal("the data is empty")
    stream.seek(start)


class RestrictedUnpickler(pickle.Unpickler):
    """An unpickler whose globals are exactly `whitelist` ({'module.name': callable})."""

    def __init__(self, stream, whitelist: dict, persistent_load=None):
        super().__init__(stream)
        self._whitelist = dict(whitelist)
        self._persistent_load = persistent_load

    def find_class(self, module, name):
        found = self._whitelist.get(f"{module}.{name}")
        if found is None:
            shown = f"{module}.{name}".encode('ascii', 'backslashreplace').decode()[:120]
            raise PickleRefusal(f"the pickle names global '{shown}', which a StyleGAN snapshot never needs; "
                                "refusing to load it")
        return found

    def persistent_load(self, pid):
        if self._persistent_load is None:
            raise PickleRefusal("the pickle uses a persistent id, which only torch.save streams use")
        return self._persistent_load(pid)


def load_one(stream: io.BytesIO, whitelist: dict, persistent_load=None):
    """Checks, then loads, one pickle from the stream's position; the stream ends after its STOP."""
    check_opcodes(stream, allow_persistent_ids=persistent_load is not None)
    return RestrictedUnpickler(stream, whitelist, persistent_load).load()
