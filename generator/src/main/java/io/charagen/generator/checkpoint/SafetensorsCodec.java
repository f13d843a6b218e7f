package io.charagen.generator.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.charagen.generator.json.JsonFormatException;
import io.charagen.generator.json.StrictJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The weights half of a bundle: safetensors of float32 tensors under reference names, read
 * and written through DJL. The header is checked here first (sizes, offsets, dtypes) so that
 * a damaged or hostile file gets a clear error before DJL allocates anything.
 */
final class SafetensorsCodec {

    private static final long MAX_HEADER_BYTES = 100L << 20;
    private static final String METADATA = "__metadata__";

    private SafetensorsCodec() {
    }

    static StateDict decode(byte[] file, String source) throws CheckpointException {
        Map<String, Shape> declared = checkHeader(file, source);
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager();
             NDList arrays = NDList.decode(manager, new ByteArrayInputStream(file))) {
            Map<String, NDArray> byName = new HashMap<>();
            for (NDArray array : arrays) {
                byName.put(array.getName(), array);
            }
            for (Map.Entry<String, Shape> e : declared.entrySet()) {
                NDArray array = byName.get(e.getKey());
                if (array == null || array.getDataType() != DataType.FLOAT32 || !array.getShape().equals(e.getValue())) {
                    throw new CheckpointException(source + ": DJL decoded tensor '" + e.getKey()
                            + "' differently from its header");
                }
                tensors.put(e.getKey(), HostTensor.ofFloats(e.getValue(), array.toFloatArray()));
            }
        } catch (CheckpointException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CheckpointException(source + ": cannot decode the safetensors data: " + e.getMessage(), e);
        }
        return new StateDict(source, tensors);
    }

    static void encode(StateDict weights, OutputStream out) throws IOException {
        try (NDManager manager = NDManager.newBaseManager(); NDList arrays = new NDList()) {
            for (Map.Entry<String, HostTensor> e : weights.asMap().entrySet()) {
                NDArray array = e.getValue().toNDArray(manager);
                array.setName(e.getKey());
                arrays.add(array);
            }
            arrays.encode(out, NDList.Encoding.SAFETENSORS);
        }
    }

    /** Validates the header: every tensor float32, with a shape that fits its byte range inside the file. */
    private static Map<String, Shape> checkHeader(byte[] file, String source) throws CheckpointException {
        if (file.length < 8) {
            throw new CheckpointException(source + ": too short for a safetensors file (" + file.length + " bytes)");
        }
        long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > file.length - 8) {
            throw new CheckpointException(source + ": not a safetensors file (header length "
                    + Long.toUnsignedString(headerLength) + " in a " + file.length + "-byte file)");
        }
        String headerText = new String(file, 8, (int) headerLength, StandardCharsets.UTF_8);
        JsonObject header;
        try {
            header = StrictJson.parseObject(headerText.stripTrailing(), source + " (safetensors header)");
        } catch (JsonFormatException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
        long dataLength = file.length - 8 - headerLength;
        // DJL writes the header from a hash map but the data in list order: the data offsets
        // keep the order the tensors were written in, so that is the order they are read in.
        List<Declared> declared = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                continue;
            }
            String where = source + ": tensor '" + e.getKey() + "'";
            if (!e.getValue().isJsonObject()) {
                throw new CheckpointException(where + " has no header entry object");
            }
            JsonObject entry = e.getValue().getAsJsonObject();
            String dtype = entry.has("dtype") && entry.get("dtype").isJsonPrimitive() ? entry.get("dtype").getAsString() : "?";
            if (!dtype.equals("F32")) {
                throw new CheckpointException(where + " is " + dtype + "; a charagen bundle stores float32 (F32)");
            }
            long[] dims = longs(entry.get("shape"), where + " shape");
            long[] offsets = longs(entry.get("data_offsets"), where + " data_offsets");
            long bytes = byteSize(dims);
            if (offsets.length != 2 || offsets[0] > offsets[1] || offsets[1] > dataLength
                    || offsets[1] - offsets[0] != bytes) {
                throw new CheckpointException(where + " has data_offsets that do not match its shape "
                        + Arrays.toString(dims) + " or lie outside the file");
            }
            declared.add(new Declared(e.getKey(), new Shape(dims), offsets[0]));
        }
        if (declared.isEmpty()) {
            throw new CheckpointException(source + ": holds no tensors");
        }
        declared.sort(Comparator.comparingLong(Declared::begin));
        Map<String, Shape> shapes = new LinkedHashMap<>();
        declared.forEach(d -> shapes.put(d.name(), d.shape()));
        return shapes;
    }

    private record Declared(String name, Shape shape, long begin) {
    }

    /** Bytes of a float32 tensor of this shape, or -1 if that overflows. */
    private static long byteSize(long[] dims) {
        try {
            long bytes = 4;
            for (long d : dims) {
                bytes = Math.multiplyExact(bytes, d);
            }
            return bytes;
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static long[] longs(JsonElement value, String what) throws CheckpointException {
        if (value == null || !value.isJsonArray()) {
            throw new CheckpointException(what + " is missing or not an array");
        }
        JsonArray array = value.getAsJsonArray();
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement item = array.get(i);
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isNumber()
                    || !item.getAsString().matches("\\d{1,18}")) {
                throw new CheckpointException(what + " holds " + item + ", expected non-negative integers");
            }
            out[i] = Long.parseLong(item.getAsString());
        }
        return out;
    }
}
