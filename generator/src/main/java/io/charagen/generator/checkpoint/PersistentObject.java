package io.charagen.generator.checkpoint;

import java.util.Map;

/**
 * What {@code torch_utils.persistence._reconstruct_persistent_obj(meta)} stands for: a
 * network module of class {@code className} with its {@code __dict__} ({@code state}).
 * The meta's {@code module_src} (Python source) is dropped unread: it is never run.
 */
record PersistentObject(String className, Map<?, ?> state) {

    static PersistentObject reconstruct(Object[] args) {
        if (args.length != 1 || !(args[0] instanceof Map<?, ?> meta)) {
            throw new PickleRefusal("_reconstruct_persistent_obj is not given a meta dict");
        }
        if (!"class".equals(meta.get("type"))) {
            throw new PickleRefusal("persistent object of type " + describe(meta.get("type")) + ", expected 'class'");
        }
        if (!(meta.get("class_name") instanceof String className)) {
            throw new PickleRefusal("persistent object without a class_name");
        }
        if (!(meta.get("state") instanceof Map<?, ?> state)) {
            throw new PickleRefusal("persistent object '" + PythonTypes.printable(className)
                    + "' has a " + PythonTypes.nameOf(meta.get("state")) + " as state, expected a dict");
        }
        return new PersistentObject(className, state);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + PythonTypes.printable(s) + "'" : PythonTypes.nameOf(value);
    }
}
