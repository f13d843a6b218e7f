package io.charagen.generator.checkpoint;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Flattens a module tree to its state dict under the names PyTorch's {@code state_dict()}
 * gives: a module's own parameters, then its persistent buffers, then each submodule's
 * entries under {@code name.}; None entries are skipped.
 */
final class ModuleFlattener {

    private static final int MAX_DEPTH = 64;

    private final String source;
    private final Map<String, HostTensor> tensors = new LinkedHashMap<>();

    private ModuleFlattener(String source) {
        this.source = source;
    }

    /** @param source names the network in error messages, e.g. "model.pkl (G_ema)" */
    static StateDict flatten(PersistentObject root, String source) throws CheckpointException {
        ModuleFlattener flattener = new ModuleFlattener(source);
        flattener.visit(root, "", 0);
        return new StateDict(source, flattener.tensors);
    }

    /** Whether the object is a torch module (has the dicts every nn.Module has). */
    static boolean isModule(PersistentObject object) {
        return object.state().get("_parameters") instanceof Map && object.state().get("_modules") instanceof Map;
    }

    private void visit(PersistentObject module, String prefix, int depth) throws CheckpointException {
        if (depth > MAX_DEPTH) {
            throw new CheckpointException(source + ": modules are nested more than " + MAX_DEPTH
                    + " levels deep at '" + prefix + "' (or a module contains itself)");
        }
        Map<?, ?> state = module.state();
        Map<?, ?> parameters = dict(state, "_parameters", prefix, true);
        Map<?, ?> buffers = dict(state, "_buffers", prefix, false);
        Map<?, ?> modules = dict(state, "_modules", prefix, true);
        Object nonPersistent = state.get("_non_persistent_buffers_set");
        Set<?> skippedBuffers = nonPersistent instanceof Set<?> s ? s : Set.of();
        if (nonPersistent != null && !(nonPersistent instanceof Set<?>)) {
            throw new CheckpointException(source + ": module '" + prefix + "' has a "
                    + PythonTypes.nameOf(nonPersistent) + " as _non_persistent_buffers_set, expected a set");
        }
        addTensors(parameters, prefix, "parameter", Set.of());
        addTensors(buffers, prefix, "buffer", skippedBuffers);
        for (Map.Entry<?, ?> e : modules.entrySet()) {
            String name = name(e.getKey(), prefix);
            if (e.getValue() == null) {
                continue;
            }
            if (!(e.getValue() instanceof PersistentObject child)) {
                throw new CheckpointException(source + ": submodule '" + prefix + name + "' is a "
                        + PythonTypes.nameOf(e.getValue()) + "; only reference persistent modules are supported");
            }
            if (!isModule(child)) {
                throw new CheckpointException(source + ": submodule '" + prefix + name + "' ("
                        + PythonTypes.printable(child.className()) + ") lacks the _parameters and _modules of a torch module");
            }
            visit(child, prefix + name + ".", depth + 1);
        }
    }

    private void addTensors(Map<?, ?> entries, String prefix, String kind, Collection<?> skipped)
            throws CheckpointException {
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String name = name(e.getKey(), prefix);
            if (e.getValue() == null || skipped.contains(name)) {
                continue;
            }
            if (!(e.getValue() instanceof HostTensor tensor)) {
                throw new CheckpointException(source + ": " + kind + " '" + prefix + name + "' is a "
                        + PythonTypes.nameOf(e.getValue()) + ", expected a tensor");
            }
            if (tensors.put(prefix + name, tensor) != null) {
                throw new CheckpointException(source + ": tensor '" + prefix + name + "' appears twice");
            }
        }
    }

    private Map<?, ?> dict(Map<?, ?> state, String key, String prefix, boolean required) throws CheckpointException {
        Object value = state.get(key);
        if (value == null && !required) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new CheckpointException(source + ": module '" + prefix + "' has a " + PythonTypes.nameOf(value)
                    + " as " + key + ", expected a dict");
        }
        return map;
    }

    private String name(Object key, String prefix) throws CheckpointException {
        if (!(key instanceof String name) || name.isEmpty() || name.contains(".")) {
            throw new CheckpointException(source + ": module '" + prefix + "' has an entry named "
                    + (key instanceof String s ? "'" + PythonTypes.printable(s) + "'" : "by a " + PythonTypes.nameOf(key))
                    + ", expected a plain attribute name");
        }
        return name;
    }
}
