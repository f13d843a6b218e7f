package io.charagen.generator.checkpoint;

import net.razorvine.pickle.IObjectConstructor;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python-style names of unpickled values, for error messages. */
final class PythonTypes {

    private PythonTypes() {
    }

    static String nameOf(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof Number) {
            return "int";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        if (value instanceof Object[]) {
            return "tuple";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Set) {
            return "set";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof HostTensor) {
            return "tensor";
        }
        if (value instanceof TorchStorage) {
            return "tensor storage";
        }
        if (value instanceof PersistentObject p) {
            return "network object '" + PythonTypes.printable(p.className()) + "'";
        }
        if (value instanceof NumpyArray) {
            return "numpy array";
        }
        if (value instanceof NumpyDtype) {
            return "numpy dtype";
        }
        if (value instanceof IObjectConstructor) {
            return "global (class or function)";
        }
        if (value.getClass() == Object.class) {
            // Pyrolite's stack marker: the pickle used a MARK where a value belongs.
            return "MARK";
        }
        return value.getClass().getSimpleName();
    }

    /** A name from the file made safe to print: printable ASCII only, and not too long. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 120; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02x", (int) c & 0xff));
            }
        }
        if (out.length() >= 120) {
            out.append("...");
        }
        return out.toString();
    }
}
