package io.charagen.generator.checkpoint;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Pyrolite unpickler that reads data only. Every opcode that can name or call code goes
 * through here: a global resolves only if it is in the whitelist this instance was given
 * (never Pyrolite's static registry, never a generic class-dict fallback), the opcodes that
 * build arbitrary objects are refused, and BUILD only reaches our own {@link Buildable}s.
 * Length-prefixed data is checked against the bytes that really remain before anything is
 * allocated, and dicts keep their order (Pyrolite's own dicts are HashMaps).
 */
class RestrictedUnpickler extends Unpickler {

    private static final int MAX_STACK = 1_000_000;
    private static final int MAX_MEMO = 20_000_000;
    private static final int MAX_GLOBAL_LINE = 256;
    private static final int MAX_LONG_BYTES = 1 << 16;

    private final Map<String, IObjectConstructor> globals;
    private PickleInput in;
    private boolean started;

    RestrictedUnpickler(Map<String, IObjectConstructor> globals) {
        this.globals = Map.copyOf(globals);
    }

    /** Reads one pickle (up to its STOP opcode) from {@code input}. */
    Object loadFrom(PickleInput input) throws IOException {
        this.in = input;
        this.started = false;
        return load(input);
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        if (!started) {
            started = true;
            checkProtocol(key);
            return NO_RETURN_VALUE;
        }
        Object result = NO_RETURN_VALUE;
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = readGlobalLine();
                String name = readGlobalLine();
                stack.add(resolveGlobal(module, name));
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw new PickleRefusal("STACK_GLOBAL expects two strings, got " + PythonTypes.nameOf(module)
                            + " and " + PythonTypes.nameOf(name));
                }
                stack.add(resolveGlobal(m, n));
            }
            case Opcodes.INST -> throw refuseOpcode("INST");
            case Opcodes.OBJ -> throw refuseOpcode("OBJ");
            case Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4 -> throw refuseOpcode("EXT (copyreg extension registry)");
            case Opcodes.PERSID, Opcodes.INT, Opcodes.LONG, Opcodes.FLOAT, Opcodes.STRING, Opcodes.UNICODE,
                    Opcodes.GET, Opcodes.PUT -> throw new PickleRefusal("the pickle uses the protocol-0 text opcode '"
                    + (char) key + "', which pickles of protocol 2 and later never contain");
            case Opcodes.BINPERSID -> stack.add(persistentLoad(stack.pop()));
            case Opcodes.REDUCE, Opcodes.NEWOBJ -> {
                Object args = stack.pop();
                Object callable = stack.pop();
                stack.add(call(callable, args));
            }
            case Opcodes.NEWOBJ_EX -> {
                Object kwargs = stack.pop();
                Object args = stack.pop();
                Object callable = stack.pop();
                if (!(kwargs instanceof Map<?, ?> k) || !k.isEmpty()) {
                    throw new PickleRefusal("NEWOBJ_EX with keyword arguments is not supported");
                }
                stack.add(call(callable, args));
            }
            case Opcodes.BUILD -> {
                Object state = stack.pop();
                Object target = stack.peek();
                if (!(target instanceof Buildable buildable)) {
                    throw new PickleRefusal("BUILD (__setstate__) on a " + PythonTypes.nameOf(target)
                            + ", which a StyleGAN snapshot never needs");
                }
                buildable.build(state);
            }
            case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case Opcodes.DICT -> {
                Map<Object, Object> dict = new LinkedHashMap<>();
                putPairs(dict, stack.pop_all_since_marker());
                stack.add(dict);
            }
            case Opcodes.SETITEM -> {
                Object value = stack.pop();
                Object k = stack.pop();
                targetMap().put(k, value);
            }
            case Opcodes.SETITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                putPairs(targetMap(), items);
            }
            case Opcodes.APPEND -> {
                Object value = stack.pop();
                targetList().add(value);
            }
            case Opcodes.APPENDS -> {
                List<Object> items = stack.pop_all_since_marker();
                targetList().addAll(items);
            }
            case Opcodes.EMPTY_SET -> stack.add(new LinkedHashSet<>());
            case Opcodes.FROZENSET -> stack.add(new LinkedHashSet<>(stack.pop_all_since_marker()));
            case Opcodes.ADDITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                Object target = stack.peek();
                if (!(target instanceof Set<?>)) {
                    throw new PickleRefusal("ADDITEMS on a " + PythonTypes.nameOf(target) + ", expected a set");
                }
                @SuppressWarnings("unchecked")
                Set<Object> set = (Set<Object>) target;
                set.addAll(items);
            }
            case Opcodes.BINBYTES -> stack.add(readSized(uint32(), "a bytes object"));
            case Opcodes.BINBYTES8 -> stack.add(readSized(int64(), "a bytes object"));
            case Opcodes.BYTEARRAY8 -> stack.add(readSized(int64(), "a bytearray"));
            case Opcodes.BINUNICODE -> stack.add(utf8(readSized(uint32(), "a string")));
            case Opcodes.BINUNICODE8 -> stack.add(utf8(readSized(int64(), "a string")));
            case Opcodes.BINSTRING -> stack.add(new String(readSized(uint32(), "a string"), StandardCharsets.ISO_8859_1));
            case Opcodes.LONG4 -> {
                long n = uint32();
                if (n > MAX_LONG_BYTES) {
                    throw new PickleRefusal("the pickle declares an integer of " + n + " bytes, more than " + MAX_LONG_BYTES);
                }
                stack.add(PickleUtils.decode_long(readSized(n, "an integer")));
            }
            default -> result = super.dispatch(key);
        }
        if (stack != null && stack.size() > MAX_STACK) {
            throw new PickleRefusal("the pickle's stack grows beyond " + MAX_STACK + " items");
        }
        if (memo.size() > MAX_MEMO) {
            throw new PickleRefusal("the pickle memoizes more than " + MAX_MEMO + " objects");
        }
        return result;
    }

    /** Persistent ids are refused unless a subclass knows what they mean. */
    @Override
    protected Object persistentLoad(Object pid) {
        throw new PickleRefusal("the pickle uses a persistent id (" + PythonTypes.nameOf(pid)
                + "), which only torch.save streams use");
    }

    /** The first opcode must be PROTO 2..5; consumes its argument. */
    private void checkProtocol(short key) throws IOException {
        if (key != Opcodes.PROTO) {
            throw new PickleRefusal(String.format(
                    "not a pickle of protocol 2 or later (it starts with byte 0x%02x)", key & 0xff));
        }
        int protocol = PickleUtils.readbyte(in);
        if (protocol < 0) {
            throw new IOException("unexpected end of data after PROTO");
        }
        if (protocol < 2 || protocol > HIGHEST_PROTOCOL) {
            throw new PickleRefusal("unsupported pickle protocol " + protocol + " (expected 2 to " + HIGHEST_PROTOCOL + ")");
        }
    }

    private Object resolveGlobal(String module, String name) {
        IObjectConstructor constructor = globals.get(module + "." + name);
        if (constructor == null) {
            throw new PickleRefusal("the pickle names global '" + PythonTypes.printable(module + "." + name)
                    + "', which a StyleGAN snapshot never needs; refusing to load it");
        }
        return constructor;
    }

    private static Object call(Object callable, Object args) {
        if (!(callable instanceof IObjectConstructor constructor)) {
            throw new PickleRefusal("the pickle calls a " + PythonTypes.nameOf(callable) + ", which is not callable");
        }
        if (!(args instanceof Object[] arguments)) {
            throw new PickleRefusal("the pickle passes a " + PythonTypes.nameOf(args) + " as call arguments, expected a tuple");
        }
        return constructor.construct(arguments);
    }

    private static PickleRefusal refuseOpcode(String opcode) {
        return new PickleRefusal("the pickle uses the " + opcode
                + " opcode, which builds arbitrary objects and which a StyleGAN snapshot never needs; refusing to load it");
    }

    private String readGlobalLine() throws IOException {
        byte[] line = new byte[MAX_GLOBAL_LINE];
        for (int n = 0; n < MAX_GLOBAL_LINE; n++) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("unexpected end of data in a global name");
            }
            if (b == '\n') {
                return new String(line, 0, n, StandardCharsets.UTF_8);
            }
            line[n] = (byte) b;
        }
        throw new PickleRefusal("the pickle names a global longer than " + MAX_GLOBAL_LINE + " bytes");
    }

    /** A little-endian unsigned 32-bit length. */
    private long uint32() throws IOException {
        return PickleUtils.bytes_to_integer(readHeader(4)) & 0xffffffffL;
    }

    /** A little-endian 64-bit length (negative if it does not fit a signed long: refused later). */
    private long int64() throws IOException {
        return PickleUtils.bytes_to_long(readHeader(8), 0);
    }

    private byte[] readHeader(int n) throws IOException {
        if (in.remaining() < n) {
            throw new PickleRefusal("the data ends inside a length header: it is truncated or incomplete");
        }
        return in.readExactly(n);
    }

    private byte[] readSized(long n, String what) throws IOException {
        if (n < 0 || n > in.remaining()) {
            throw new PickleRefusal("the pickle declares " + what + " of " + Long.toUnsignedString(n)
                    + " bytes but only " + in.remaining() + " bytes remain: the data is truncated or corrupt");
        }
        if (n > Integer.MAX_VALUE - 16) {
            throw new PickleRefusal("the pickle declares " + what + " of " + n + " bytes, more than 2 GiB");
        }
        return in.readExactly((int) n);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private Map<Object, Object> targetMap() {
        Object target = stack.peek();
        if (!(target instanceof Map<?, ?>)) {
            throw new PickleRefusal("SETITEM on a " + PythonTypes.nameOf(target) + ", expected a dict");
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) target;
        return map;
    }

    private List<Object> targetList() {
        Object target = stack.peek();
        if (!(target instanceof List<?>)) {
            throw new PickleRefusal("APPEND on a " + PythonTypes.nameOf(target) + ", expected a list");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) target;
        return list;
    }

    private static void putPairs(Map<Object, Object> dict, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw new PickleRefusal("a dict is given an odd number of keys and values");
        }
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(items.get(i), items.get(i + 1));
        }
    }
}
