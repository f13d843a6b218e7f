package io.charagen.generator.checkpoint;

import ai.djl.ndarray.types.Shape;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A network's parameters and buffers under their reference names
 * ({@code synthesis.L0_36_64.weight}, {@code mapping.w_avg}, ...), in the order the file gave them.
 */
public final class StateDict {

    private final String source;
    private final Map<String, HostTensor> tensors;

    public StateDict(String source, Map<String, HostTensor> tensors) {
        this.source = source;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** Where the tensors came from, for error messages. */
    public String source() {
        return source;
    }

    public Set<String> names() {
        return tensors.keySet();
    }

    public Map<String, HostTensor> asMap() {
        return tensors;
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    public HostTensor get(String name) throws CheckpointException {
        HostTensor t = tensors.get(name);
        if (t == null) {
            throw new CheckpointException(source + ": missing tensor '" + name + "'");
        }
        return t;
    }

    /** The tensor, checked against the shape the architecture implies. */
    public HostTensor get(String name, Shape expected) throws CheckpointException {
        HostTensor t = get(name);
        if (!t.shape().equals(expected)) {
            throw new CheckpointException(source + ": tensor '" + name + "' has shape " + t.shape()
                    + " but the network's kwargs imply " + expected);
        }
        return t;
    }
}
