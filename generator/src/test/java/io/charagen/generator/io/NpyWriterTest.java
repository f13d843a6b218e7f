package io.charagen.generator.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpyWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesFloat32WithAlignedHeaderAndReplacesAtomically() throws IOException {
        Path file = dir.resolve("z.npy");
        Files.writeString(file, "old contents");
        float[] data = {1.5f, -2f, 0f, Float.MIN_VALUE, Float.MAX_VALUE, -0f};

        NpyWriter.write(file, new long[] {2, 3}, data);

        NpyTestReader npy = NpyTestReader.parse(Files.readAllBytes(file));
        assertEquals(0, npy.headerLength() % 64);
        assertEquals("<f4", npy.descr());
        assertArrayEquals(new long[] {2, 3}, npy.shape());
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", npy.headerText().strip());
        assertArrayEquals(data, npy.floats());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"5 | (5,)", "1,512 | (1, 512)", "2,0,3 | (2, 0, 3)", "'' | ()"})
    void writesShapesAsPythonTuples(String dims, String tuple) {
        long[] shape = dims.isEmpty() ? new long[0]
                : Stream.of(dims.split(",")).mapToLong(Long::parseLong).toArray();
        int size = (int) LongStream.of(shape).reduce(1, (a, b) -> a * b);

        byte[] bytes = NpyWriter.encode(shape, new float[size]);

        NpyTestReader npy = NpyTestReader.parse(bytes);
        assertEquals("'shape': " + tuple + ", }", npy.headerText().substring(npy.headerText().indexOf("'shape'")).strip());
        assertEquals(0, npy.headerLength() % 64);
        assertEquals(npy.headerLength() + 4L * size, bytes.length);
    }

    @Test
    void writesFloat64() throws IOException {
        Path file = dir.resolve("z64.npy");
        double[] data = {Math.PI, -1e-300, 7};

        NpyWriter.write(file, new long[] {3}, data);

        NpyTestReader npy = NpyTestReader.parse(Files.readAllBytes(file));
        assertEquals("<f8", npy.descr());
        assertArrayEquals(new long[] {3}, npy.shape());
        assertArrayEquals(data, npy.doubles());
    }

    /** DJL's own .npy reader, written independently of this one, reads the files back. */
    @Test
    void djlDecodesWhatIsWritten() {
        float[] floats = {1, 2, 3, 4, 5, 6};
        double[] doubles = {0.1, -0.2};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray f32 = NDList.decode(manager, NpyWriter.encode(new long[] {3, 2}, floats)).singletonOrThrow();
            assertEquals(DataType.FLOAT32, f32.getDataType());
            assertEquals(new Shape(3, 2), f32.getShape());
            assertArrayEquals(floats, f32.toFloatArray());

            NDArray f64 = NDList.decode(manager, NpyWriter.encode(new long[] {2}, doubles)).singletonOrThrow();
            assertEquals(DataType.FLOAT64, f64.getDataType());
            assertEquals(new Shape(2), f64.getShape());
            assertArrayEquals(doubles, f64.toDoubleArray());
        }
    }

    @Test
    void rejectsDataThatDoesNotFillTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.encode(new long[] {2, 3}, new float[5]));
        assertEquals("shape [2, 3] holds 6 values but 5 were given", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyWriter.encode(new long[] {-1}, new float[0]));
    }
}
