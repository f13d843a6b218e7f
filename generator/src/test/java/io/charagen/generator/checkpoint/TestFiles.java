package io.charagen.generator.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the tests' inputs are: the shared parity fixtures and our own test resources. */
final class TestFiles {

    static final String[] FIXTURES = {"sg2-64", "sg3t-64", "sg3r-64"};
    /** The file the hostile pickles in the corpus would create if anything ran them. */
    static final Path CODE_RAN_MARKER = Path.of("CHARAGEN_PICKLE_RAN_CODE");

    private TestFiles() {
    }

    /** {@code <fixtures>/<name>.<extension>}; skips the test when the shared fixtures are absent. */
    static Path fixture(String name, String extension) {
        String folder = System.getProperty("charagen.fixtures");
        assumeTrue(folder != null, "system property charagen.fixtures is not set");
        Path file = Path.of(folder, name + "." + extension);
        assumeTrue(Files.isRegularFile(file), "fixture missing: " + file);
        return file;
    }

    static JsonObject fixtureConfig(String name) throws IOException {
        return JsonParser.parseString(Files.readString(fixture(name, "json"))).getAsJsonObject();
    }

    /** The fixture's {@code param/<name>} arrays (G_ema's state dict), in file order, as float32 bits. */
    static Map<String, float[]> fixtureParams(String name, Map<String, long[]> shapes) throws IOException {
        Map<String, float[]> params = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager();
             InputStream in = new BufferedInputStream(Files.newInputStream(fixture(name, "npz")));
             NDList arrays = NDList.decode(manager, in)) {
            for (NDArray array : arrays) {
                if (array.getName().startsWith("param/")) {
                    String key = array.getName().substring("param/".length());
                    params.put(key, array.toFloatArray());
                    shapes.put(key, array.getShape().getShape());
                }
            }
        }
        return params;
    }

    static Path resource(String path) {
        URL url = TestFiles.class.getResource("/" + path);
        assertNotNull(url, "test resource " + path);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bit-exact comparison of two tensors' contents. */
    static void assertSameTensor(String name, HostTensor expected, HostTensor actual) {
        assertEquals(expected.dtype(), actual.dtype(), name + " dtype");
        assertEquals(expected.shape(), actual.shape(), name + " shape");
        assertEquals(expected.data(), actual.data(), name + " bytes");
    }

    static void assertSameBits(String name, float[] expected, HostTensor actual) {
        ByteBuffer bytes = actual.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int[] actualBits = new int[expected.length];
        int[] expectedBits = new int[expected.length];
        assertEquals(expected.length * 4, bytes.remaining(), name + " byte count");
        for (int i = 0; i < expected.length; i++) {
            actualBits[i] = bytes.getInt(i * 4);
            expectedBits[i] = Float.floatToRawIntBits(expected[i]);
        }
        assertArrayEquals(expectedBits, actualBits, name + " values");
    }
}
