package io.charagen.generator.checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code collections.OrderedDict} or {@code dnnlib.util.EasyDict} from a snapshot: an
 * ordered map. EasyDict is a dict whose attributes are its items, so a BUILD state is merged
 * into it; an OrderedDict's BUILD state is instance attributes (torch keeps
 * {@code _metadata} there on state dicts), which are not entries and are dropped.
 */
final class PickledDict extends LinkedHashMap<Object, Object> implements Buildable {

    private final boolean attributesAreItems;

    private PickledDict(boolean attributesAreItems) {
        this.attributesAreItems = attributesAreItems;
    }

    /** {@code OrderedDict()} or {@code OrderedDict([(k, v), ...])}. */
    static PickledDict orderedDict(Object[] args) {
        PickledDict dict = new PickledDict(false);
        if (args.length == 1 && args[0] instanceof List<?> pairs) {
            for (Object pair : pairs) {
                Object[] kv = pair instanceof Object[] a ? a : pair instanceof List<?> l ? l.toArray() : null;
                if (kv == null || kv.length != 2) {
                    throw new PickleRefusal("OrderedDict is given a " + PythonTypes.nameOf(pair) + ", expected (key, value)");
                }
                dict.put(kv[0], kv[1]);
            }
        } else if (args.length == 1 && args[0] instanceof Map<?, ?> map) {
            dict.putAll(map);
        } else if (args.length != 0) {
            throw new PickleRefusal("OrderedDict is called with " + args.length + " arguments");
        }
        return dict;
    }

    /** {@code EasyDict.__new__(EasyDict)} (items follow by SETITEMS) or {@code EasyDict(mapping)}. */
    static PickledDict easyDict(Object[] args) {
        PickledDict dict = new PickledDict(true);
        if (args.length == 1 && args[0] instanceof Map<?, ?> map) {
            dict.putAll(map);
        } else if (args.length != 0) {
            throw new PickleRefusal("EasyDict is called with " + args.length + " arguments");
        }
        return dict;
    }

    @Override
    public void build(Object state) {
        // A dict subclass's state is its __dict__, or (__dict__, slots) when it has slots.
        Object attributes = state instanceof Object[] pair && pair.length == 2 ? pair[0] : state;
        if (attributes == null) {
            return;
        }
        if (!(attributes instanceof Map<?, ?> map)) {
            throw new PickleRefusal("a dict's BUILD state is a " + PythonTypes.nameOf(attributes) + ", expected a dict");
        }
        if (attributesAreItems) {
            putAll(map);
        }
    }
}
