package io.charagen.generator.checkpoint;

import ai.djl.ndarray.types.DataType;
import net.razorvine.pickle.IObjectConstructor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decodes the bytes given to {@code torch.storage._load_from_bytes}: a torch.save stream of
 * one storage. Torch writes these in its legacy format (five pickles in a row, then the raw
 * elements); the newer zip format is accepted too. Only torch's storage classes may be named.
 */
final class TorchStorageDecoder {

    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final int LEGACY_PROTOCOL = 1001;
    private static final int MAX_ZIP_ENTRIES = 1000;

    private static final Map<String, DataType> STORAGE_TYPES = Map.of(
            "FloatStorage", DataType.FLOAT32,
            "DoubleStorage", DataType.FLOAT64,
            "HalfStorage", DataType.FLOAT16,
            "BFloat16Storage", DataType.BFLOAT16,
            "LongStorage", DataType.INT64,
            "IntStorage", DataType.INT32,
            "ShortStorage", DataType.INT16,
            "CharStorage", DataType.INT8,
            "ByteStorage", DataType.UINT8,
            "BoolStorage", DataType.BOOLEAN);

    private TorchStorageDecoder() {
    }

    /** {@code torch.storage._load_from_bytes(b)}. */
    static TorchStorage loadFromBytes(Object[] args) {
        if (args.length != 1) {
            throw new PickleRefusal("tensor storage: _load_from_bytes is called with " + args.length + " arguments");
        }
        return decode(RawBytes.of(args[0], "_load_from_bytes"));
    }

    static TorchStorage decode(byte[] blob) {
        try {
            if (blob.length >= 2 && blob[0] == 'P' && blob[1] == 'K') {
                return decodeZip(blob);
            }
            return decodeLegacy(blob);
        } catch (PickleRefusal e) {
            throw new PickleRefusal("tensor storage: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new PickleRefusal("tensor storage is malformed: " + e.getMessage(), e);
        }
    }

    private static TorchStorage decodeLegacy(byte[] blob) throws IOException {
        PickleInput in = new PickleInput(new ByteArrayInputStream(blob), blob.length);
        StorageUnpickler unpickler = new StorageUnpickler(6);
        if (!LEGACY_MAGIC.equals(unpickler.loadFrom(in))) {
            throw new PickleRefusal("not a torch.save stream (wrong magic number)");
        }
        Object protocol = unpickler.loadFrom(in);
        if (!Integer.valueOf(LEGACY_PROTOCOL).equals(protocol)) {
            throw new PickleRefusal("torch.save protocol " + protocol + ", expected " + LEGACY_PROTOCOL);
        }
        if (!(unpickler.loadFrom(in) instanceof Map<?, ?> sysInfo) || !Boolean.TRUE.equals(sysInfo.get("little_endian"))) {
            throw new PickleRefusal("written on a big-endian machine or without byte-order information");
        }
        StorageRef ref = storageRef(unpickler.loadFrom(in));
        if (!(unpickler.loadFrom(in) instanceof List<?> keys) || keys.size() != 1 || !ref.key().equals(keys.get(0))) {
            throw new PickleRefusal("expected the key list to name its one storage");
        }
        if (in.remaining() < 8) {
            throw new PickleRefusal("ends before its element count: truncated");
        }
        long count = ByteBuffer.wrap(in.readExactly(8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (count != ref.numel()) {
            throw new PickleRefusal("its data header says " + count + " elements but its id says " + ref.numel());
        }
        long needed = Math.multiplyExact(count, (long) ref.dtype().getNumOfBytes());
        if (needed > in.remaining()) {
            throw new PickleRefusal("declares " + count + " " + ref.dtype() + " elements (" + needed
                    + " bytes) but only " + in.remaining() + " bytes follow: truncated or corrupt");
        }
        return new TorchStorage(ref.dtype(), blob, (int) in.position(), count);
    }

    private static TorchStorage decodeZip(byte[] blob) throws IOException {
        Map<String, byte[]> entries = readZip(blob);
        String pickleName = entries.keySet().stream()
                .filter(n -> n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - "/data.pkl".length())
                .findFirst()
                .orElseThrow(() -> new PickleRefusal("zip holds no <archive>/data.pkl"));
        String prefix = pickleName.substring(0, pickleName.length() - "data.pkl".length());
        byte[] byteOrder = entries.get(prefix + "byteorder");
        if (byteOrder != null && !new String(byteOrder, StandardCharsets.US_ASCII).trim().equals("little")) {
            throw new PickleRefusal("written in big-endian byte order");
        }
        byte[] pickle = entries.get(pickleName);
        StorageRef ref = storageRef(new StorageUnpickler(5)
                .loadFrom(new PickleInput(new ByteArrayInputStream(pickle), pickle.length)));
        byte[] data = entries.get(prefix + "data/" + ref.key());
        if (data == null) {
            throw new PickleRefusal("zip holds no data for storage '" + PythonTypes.printable(ref.key()) + "'");
        }
        long needed = Math.multiplyExact(ref.numel(), (long) ref.dtype().getNumOfBytes());
        if (needed > data.length) {
            throw new PickleRefusal("declares " + ref.numel() + " " + ref.dtype() + " elements (" + needed
                    + " bytes) but its data holds only " + data.length + " bytes: truncated or corrupt");
        }
        return new TorchStorage(ref.dtype(), data, 0, ref.numel());
    }

    /** All entries; their inflated sizes together may not exceed the blob (torch stores, never deflates). */
    private static Map<String, byte[]> readZip(byte[] blob) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long budget = blob.length;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(blob))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entries.size() >= MAX_ZIP_ENTRIES) {
                    throw new PickleRefusal("zip holds more than " + MAX_ZIP_ENTRIES + " entries");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                int n;
                while ((n = zip.read(chunk)) > 0) {
                    budget -= n;
                    if (budget < 0) {
                        throw new PickleRefusal("zip entries inflate beyond the size of the zip");
                    }
                    out.write(chunk, 0, n);
                }
                entries.put(entry.getName(), out.toByteArray());
            }
        }
        return entries;
    }

    private static StorageRef storageRef(Object value) {
        if (!(value instanceof StorageRef ref)) {
            throw new PickleRefusal("holds a " + PythonTypes.nameOf(value) + ", expected one storage");
        }
        return ref;
    }

    /** What a persistent id names: a storage of {@code numel} elements under {@code key}. */
    private record StorageRef(DataType dtype, String key, long numel) {
    }

    /** The class object {@code torch.FloatStorage} and friends: only ever part of a persistent id. */
    private record StorageType(DataType dtype) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new PickleRefusal("a torch storage class is called directly");
        }
    }

    /**
     * Reads the pickles of a torch.save stream. Persistent ids are
     * ('storage', type, key, location, numel) in the zip format, plus view_metadata (None) in
     * the legacy one.
     */
    private static final class StorageUnpickler extends RestrictedUnpickler {

        private final int idLength;

        StorageUnpickler(int idLength) {
            super(storageGlobals());
            this.idLength = idLength;
        }

        private static Map<String, IObjectConstructor> storageGlobals() {
            Map<String, IObjectConstructor> globals = new HashMap<>();
            STORAGE_TYPES.forEach((name, dtype) -> globals.put("torch." + name, new StorageType(dtype)));
            return globals;
        }

        @Override
        protected Object persistentLoad(Object pid) {
            if (!(pid instanceof Object[] id) || id.length != idLength || !"storage".equals(id[0])) {
                throw new PickleRefusal("persistent id is a " + PythonTypes.nameOf(pid)
                        + ", expected a " + idLength + "-tuple starting with 'storage'");
            }
            if (!(id[1] instanceof StorageType type)) {
                throw new PickleRefusal("persistent id names a " + PythonTypes.nameOf(id[1]) + " as storage type");
            }
            if (!(id[2] instanceof String key)) {
                throw new PickleRefusal("persistent id has a " + PythonTypes.nameOf(id[2]) + " as storage key");
            }
            long numel = PlainValues.nonNegativeLong(id[4], "storage element count");
            if (idLength == 6 && id[5] != null) {
                throw new PickleRefusal("storage views (view_metadata) are not supported");
            }
            return new StorageRef(type.dtype(), key, numel);
        }
    }
}
