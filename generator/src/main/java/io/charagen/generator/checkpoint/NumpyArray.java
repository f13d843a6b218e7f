package io.charagen.generator.checkpoint;

import net.razorvine.pickle.IObjectConstructor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A numpy array from a pickle: {@code numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), b'b')}
 * makes an empty one, then BUILD gives (version, shape, dtype, is_fortran, raw bytes or, for
 * object arrays, a list). It becomes nested Java lists (or a single value when 0-d).
 */
final class NumpyArray implements Buildable {

    private static final int MAX_DIMS = 64;

    /** The class object {@code numpy.ndarray}: only ever an argument to {@code _reconstruct}. */
    static final IObjectConstructor TYPE = args -> {
        throw new PickleRefusal("numpy.ndarray is called directly");
    };

    private long[] shape;
    private NumpyDtype dtype;
    private boolean fortranOrder;
    private byte[] raw;
    private List<?> objects;

    private NumpyArray() {
    }

    static NumpyArray reconstruct(Object[] args) {
        if (args.length < 1 || args[0] != TYPE) {
            throw new PickleRefusal("numpy _reconstruct is asked for something other than numpy.ndarray");
        }
        return new NumpyArray();
    }

    @Override
    public void build(Object state) {
        if (!(state instanceof Object[] s) || (s.length != 5 && s.length != 4)) {
            throw new PickleRefusal("numpy array state is a " + PythonTypes.nameOf(state) + ", expected a 5-tuple");
        }
        int i = s.length == 5 ? 1 : 0;
        if (!(s[i] instanceof Object[] dims) || dims.length > MAX_DIMS) {
            throw new PickleRefusal("numpy array shape is not a tuple of at most " + MAX_DIMS + " sizes");
        }
        if (!(s[i + 1] instanceof NumpyDtype d)) {
            throw new PickleRefusal("numpy array dtype is a " + PythonTypes.nameOf(s[i + 1]));
        }
        shape = new long[dims.length];
        long count = 1;
        for (int k = 0; k < dims.length; k++) {
            shape[k] = PlainValues.nonNegativeLong(dims[k], "numpy array size");
            count = Math.multiplyExact(count, shape[k]);
        }
        dtype = d;
        fortranOrder = Boolean.TRUE.equals(s[i + 2]);
        Object data = s[i + 3];
        if (dtype.isObject()) {
            if (!(data instanceof List<?> list) || list.size() != count) {
                throw new PickleRefusal("numpy object array of " + count + " elements holds a " + PythonTypes.nameOf(data));
            }
            objects = list;
        } else {
            raw = RawBytes.of(data, "numpy array");
            if (raw.length != count * dtype.itemSize()) {
                throw new PickleRefusal("numpy array of shape " + Arrays.toString(shape) + " holds "
                        + raw.length + " bytes, expected " + count * dtype.itemSize());
            }
        }
    }

    /** Nested lists in C order, or the single element of a 0-d array. */
    Object toPlain() {
        if (shape == null) {
            throw new PickleRefusal("numpy array was never given its data (no BUILD)");
        }
        long[] strides = new long[shape.length];
        long step = 1;
        for (int k = 0; k < shape.length; k++) {
            int d = fortranOrder ? k : shape.length - 1 - k;
            strides[d] = step;
            step *= shape[d];
        }
        return nested(0, 0, strides);
    }

    private Object nested(int dim, long index, long[] strides) {
        if (dim == shape.length) {
            return objects != null ? PlainValues.of(objects.get((int) index))
                    : dtype.decode(raw, Math.toIntExact(index * dtype.itemSize()));
        }
        List<Object> out = new ArrayList<>((int) shape[dim]);
        for (long i = 0; i < shape[dim]; i++) {
            out.add(nested(dim + 1, index + i * strides[dim], strides));
        }
        return Collections.unmodifiableList(out);
    }
}
