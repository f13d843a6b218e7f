package io.charagen.generator.checkpoint;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A pickle byte stream that knows its length and how far it has been read, so that sizes
 * declared inside the pickle can be checked against what is really there before anything
 * is allocated, and errors can say where they happened.
 */
final class PickleInput extends FilterInputStream {

    private final long length;
    private long position;

    PickleInput(InputStream in, long length) {
        super(in);
        this.length = length;
    }

    long position() {
        return position;
    }

    long length() {
        return length;
    }

    long remaining() {
        return length - position;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        position += skipped;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads exactly {@code n} bytes; the caller has checked {@code n <= remaining()}. */
    byte[] readExactly(int n) throws IOException {
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            int got = read(out, done, n - done);
            if (got < 0) {
                throw new IOException("unexpected end of data");
            }
            done += got;
        }
        return out;
    }
}
