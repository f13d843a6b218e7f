package io.charagen.generator.checkpoint;

import ai.djl.ndarray.types.DataType;

/**
 * One torch storage: {@code numel} little-endian elements of {@code dtype} starting at
 * {@code offset} in {@code bytes} (the blob it was found in, shared rather than copied).
 */
record TorchStorage(DataType dtype, byte[] bytes, int offset, long numel) {

    TorchStorage {
        if (offset < 0 || numel < 0 || offset + numel * dtype.getNumOfBytes() > bytes.length) {
            throw new IllegalArgumentException("storage runs past its data");
        }
    }
}
