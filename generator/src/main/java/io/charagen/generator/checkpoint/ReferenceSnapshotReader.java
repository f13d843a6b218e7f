package io.charagen.generator.checkpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads official StyleGAN2-ADA-PyTorch / StyleGAN3 training snapshots ({@code *.pkl}) as
 * data only. The pickle may name nothing but the globals such snapshots use
 * ({@link SnapshotGlobals}); the Python source the snapshots embed is never run.
 */
public final class ReferenceSnapshotReader {

    private ReferenceSnapshotReader() {
    }

    public static ReferenceSnapshot read(Path pkl) throws CheckpointException {
        String source = pkl.toString();
        Object root = unpickle(pkl, source);
        try {
            return snapshot(root, source);
        } catch (RuntimeException e) {
            // Every structure problem has its own message; this is only a safety net.
            throw new CheckpointException(source + ": unexpected structure: " + e, e);
        }
    }

    private static ReferenceSnapshot snapshot(Object root, String source) throws CheckpointException {
        if (!(root instanceof Map<?, ?> top)) {
            throw new CheckpointException(source + ": not a StyleGAN training snapshot: the pickle holds a "
                    + PythonTypes.nameOf(root) + ", expected a dict with a '" + ReferenceSnapshot.GENERATOR + "' network");
        }
        Map<String, NetworkRecord> networks = new LinkedHashMap<>();
        Map<String, Map<String, Object>> attributes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : top.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new CheckpointException(source + ": not a StyleGAN training snapshot: it has a "
                        + PythonTypes.nameOf(e.getKey()) + " as a key");
            }
            if (e.getValue() instanceof PersistentObject object && ModuleFlattener.isModule(object)) {
                String network = source + " (" + key + ")";
                networks.put(key, record(object, network));
                attributes.put(key, attributes(object));
            }
        }
        if (!top.containsKey(ReferenceSnapshot.GENERATOR)) {
            throw new CheckpointException(source + ": not a StyleGAN training snapshot: it has no '"
                    + ReferenceSnapshot.GENERATOR + "' network (its keys: " + describeKeys(top.keySet()) + ")");
        }
        if (!networks.containsKey(ReferenceSnapshot.GENERATOR)) {
            Object value = top.get(ReferenceSnapshot.GENERATOR);
            throw new CheckpointException(source + ": '" + ReferenceSnapshot.GENERATOR + "' is a "
                    + PythonTypes.nameOf(value) + (value instanceof PersistentObject
                    ? " without the _parameters and _modules of a torch module" : ", expected a network"));
        }
        @SuppressWarnings("unchecked")
        Collection<String> keys = (Collection<String>) top.keySet();
        return new ReferenceSnapshot(source, new LinkedHashSet<>(keys), networks, attributes);
    }

    private static Object unpickle(Path pkl, String source) throws CheckpointException {
        long length;
        byte[] head;
        try {
            if (!Files.isRegularFile(pkl)) {
                throw new CheckpointException(source + ": no such file");
            }
            length = Files.size(pkl);
            try (InputStream in = Files.newInputStream(pkl)) {
                head = in.readNBytes(4);
            }
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException(source + ": cannot read the file: " + e.getMessage(), e);
        }
        if (length == 0) {
            throw new CheckpointException(source + ": the file is empty; expected a StyleGAN training snapshot (.pkl)");
        }
        if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
            throw new CheckpointException(source + ": this is a zip archive (a torch.save .pt file?), "
                    + "not a StyleGAN training snapshot pickle");
        }
        if ((head[0] & 0xff) != 0x80) {
            throw new CheckpointException(source + ": not a pickle of protocol 2 or later (it starts with bytes "
                    + hex(head) + "); expected a StyleGAN training snapshot (.pkl)");
        }
        try (PickleInput in = new PickleInput(new BufferedInputStream(Files.newInputStream(pkl), 1 << 16), length)) {
            return unpickle(in, source);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException(source + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private static Object unpickle(PickleInput in, String source) throws CheckpointException {
        try {
            return new RestrictedUnpickler(SnapshotGlobals.create()).loadFrom(in);
        } catch (PickleRefusal e) {
            throw new CheckpointException(source + ": " + e.getMessage() + " (at byte " + in.position() + ")", e);
        } catch (OutOfMemoryError e) {
            throw new CheckpointException(source + ": ran out of memory at byte " + in.position()
                    + ": the file declares more data than this JVM can hold");
        } catch (StackOverflowError e) {
            throw new CheckpointException(source + ": data nested too deeply at byte " + in.position());
        } catch (IOException | RuntimeException e) {
            if (in.remaining() <= 0) {
                throw new CheckpointException(source + ": the file ends early at byte " + in.position()
                        + ": it is truncated or incomplete", e);
            }
            throw new CheckpointException(source + ": malformed pickle at byte " + in.position() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    private static NetworkRecord record(PersistentObject object, String network) throws CheckpointException {
        StateDict stateDict = ModuleFlattener.flatten(object, network);
        Object args = object.state().get("_init_args");
        boolean noArgs = args == null || (args instanceof Object[] a && a.length == 0)
                || (args instanceof List<?> l && l.isEmpty());
        if (!noArgs) {
            throw new CheckpointException(network + ": the network was built with positional arguments, "
                    + "which cannot be named without running its source");
        }
        Object kwargs = object.state().get("_init_kwargs");
        Map<String, Object> initKwargs = new LinkedHashMap<>();
        if (kwargs != null) {
            if (!(kwargs instanceof Map<?, ?> map)) {
                throw new CheckpointException(network + ": _init_kwargs is a " + PythonTypes.nameOf(kwargs)
                        + ", expected a dict");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String name)) {
                    throw new CheckpointException(network + ": _init_kwargs has a " + PythonTypes.nameOf(e.getKey())
                            + " as a key");
                }
                try {
                    initKwargs.put(name, PlainValues.of(e.getValue()));
                } catch (PickleRefusal refusal) {
                    throw new CheckpointException(network + ": kwarg '" + name + "' is " + refusal.getMessage(), refusal);
                }
            }
        }
        return new NetworkRecord(object.className(), Collections.unmodifiableMap(initKwargs), stateDict);
    }

    private static Map<String, Object> attributes(PersistentObject object) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : object.state().entrySet()) {
            if (e.getKey() instanceof String name && !name.startsWith("_") && !name.equals("training")) {
                try {
                    out.put(name, PlainValues.of(e.getValue()));
                } catch (PickleRefusal notPlain) {
                    // Not plain data (a tensor container, a module): not an attribute callers want.
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static String describeKeys(Collection<?> keys) {
        return keys.isEmpty() ? "none" : keys.stream()
                .map(k -> k instanceof String s ? "'" + PythonTypes.printable(s) + "'" : PythonTypes.nameOf(k))
                .limit(20)
                .collect(Collectors.joining(", "));
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }
}
