package io.charagen.generator.checkpoint;

import java.nio.charset.StandardCharsets;

/** Raw byte arguments: Python 3 pickles give bytes; Python 2 era ones a latin-1 str. */
final class RawBytes {

    private RawBytes() {
    }

    static byte[] of(Object value, String what) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        throw new PickleRefusal(what + " is given a " + PythonTypes.nameOf(value) + ", expected bytes");
    }
}
