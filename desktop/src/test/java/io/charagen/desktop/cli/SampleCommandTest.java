package io.charagen.desktop.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample command's contract: outputs, stacking, exit codes and refusal to overwrite. */
class SampleCommandTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));

    private static NDArray readNpy(NDManager m, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return NDList.decode(m, in).singletonOrThrow();
        }
    }

    private static Map<String, NDArray> fixture(NDManager m, String name) throws Exception {
        Map<String, NDArray> out = new HashMap<>();
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(name + ".npz"))) {
            for (NDArray a : NDList.decode(m, in)) {
                out.put(a.getName(), a);
            }
        }
        return out;
    }

    @Test
    void writesReferenceNumbersForASeed(@TempDir Path dir) throws Exception {
        Path npy = dir.resolve("img.npy");
        Path ws = dir.resolve("ws.npy");
        Path png = dir.resolve("img.png");
        int rc = CharagenCommand.execute("sample", "--model", FIXTURES.resolve("sg3r-64.pkl").toString(),
                "--seed", "42", "--psi", "0.7", "--npy", npy.toString(), "--ws-npy", ws.toString(),
                "--png", png.toString());
        assertEquals(0, rc);
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> f = fixture(m, "sg3r-64");
            NDArray img = readNpy(m, npy);
            assertArrayEquals(new long[] {1, 3, 64, 64}, img.getShape().getShape());
            assertTrue(img.sub(f.get("img/42/0.7")).abs().max().getFloat() < 1e-4);
            assertTrue(readNpy(m, ws).sub(f.get("ws/42/0.7")).abs().max().getFloat() < 1e-4);
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(64, image.getWidth());
        assertEquals(64, image.getHeight());
    }

    @Test
    void stacksASeedRangeAlongTheFirstAxis(@TempDir Path dir) throws Exception {
        Path npy = dir.resolve("imgs.npy");
        Path png = dir.resolve("grid.png");
        int rc = CharagenCommand.execute("sample", "--model", FIXTURES.resolve("sg2-64.pkl").toString(),
                "--seeds", "0-2", "--batch", "2", "--npy", npy.toString(), "--png", png.toString());
        assertEquals(0, rc);
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> f = fixture(m, "sg2-64");
            NDArray imgs = readNpy(m, npy);
            assertArrayEquals(new long[] {3, 3, 64, 64}, imgs.getShape().getShape());
            assertTrue(imgs.get("0:1").sub(f.get("img/0/1.0")).abs().max().getFloat() < 1e-4, "seed 0");
            assertTrue(imgs.get("1:2").sub(f.get("img/1/1.0")).abs().max().getFloat() < 1e-4, "seed 1");
        }
        BufferedImage grid = ImageIO.read(png.toFile());
        assertEquals(3 * 64, grid.getWidth());
        assertEquals(64, grid.getHeight());
    }

    @Test
    void refusesToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("mine.png");
        Files.writeString(png, "a user's file");
        String model = FIXTURES.resolve("sg2-64.pkl").toString();
        assertEquals(2, CharagenCommand.execute("sample", "--model", model, "--seed", "1", "--png", png.toString()));
        assertEquals("a user's file", Files.readString(png));
        assertEquals(0, CharagenCommand.execute("sample", "--model", model, "--seed", "1", "--png", png.toString(),
                "--force"));
        assertEquals(64, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void badInputGivesUsageOrFailureCodes(@TempDir Path dir) throws Exception {
        String out = dir.resolve("x.png").toString();
        String model = FIXTURES.resolve("sg2-64.pkl").toString();
        assertEquals(2, CharagenCommand.execute("sample", "--model", model, "--seeds", "5-2", "--png", out));
        assertEquals(2, CharagenCommand.execute("sample", "--model", model, "--seed", "1", "--seeds", "1-2", "--png", out));
        assertEquals(2, CharagenCommand.execute("sample", "--model", model, "--seed", "1"));
        assertEquals(2, CharagenCommand.execute("sample", "--model", model, "--seed", "-1", "--png", out));
        assertEquals(2, CharagenCommand.execute("sample", "--model", model, "--seed", "1", "--class", "3", "--png", out));
        assertEquals(1, CharagenCommand.execute("sample", "--model", dir.resolve("missing.pkl").toString(), "--seed", "1",
                "--png", out));
        Path notAModel = dir.resolve("notes.txt");
        Files.writeString(notAModel, "hello");
        assertEquals(1, CharagenCommand.execute("sample", "--model", notAModel.toString(), "--seed", "1", "--png", out));
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void translateAndRotateMoveStyleGan3ImagesOnly(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.npy");
        Path moved = dir.resolve("moved.npy");
        String sg3 = FIXTURES.resolve("sg3t-64.pkl").toString();
        assertEquals(0, CharagenCommand.execute("sample", "--model", sg3, "--seed", "1", "--npy", plain.toString()));
        assertEquals(0, CharagenCommand.execute("sample", "--model", sg3, "--seed", "1", "--translate", "0.25,-0.1",
                "--rotate", "10", "--npy", moved.toString()));
        try (NDManager m = NDManager.newBaseManager()) {
            assertTrue(readNpy(m, plain).sub(readNpy(m, moved)).abs().max().getFloat() > 1e-2);
        }
        String out = dir.resolve("x.npy").toString();
        assertEquals(2, CharagenCommand.execute("sample", "--model", sg3, "--seed", "1", "--translate", "0.25",
                "--npy", out));
        assertEquals(2, CharagenCommand.execute("sample", "--model", FIXTURES.resolve("sg2-64.pkl").toString(),
                "--seed", "1", "--rotate", "10", "--npy", out));
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void convertThenSampleGivesTheSameImage(@TempDir Path dir) throws Exception {
        Path card = dir.resolve("bundle.json");
        assertEquals(0, CharagenCommand.execute("convert", "--model", FIXTURES.resolve("sg3t-64.pkl").toString(),
                "--out", card.toString(), "--name", "fixture", "--kind", "portrait"));
        assertTrue(Files.exists(dir.resolve("bundle.safetensors")));
        assertEquals(2, CharagenCommand.execute("convert", "--model", FIXTURES.resolve("sg3t-64.pkl").toString(),
                "--out", card.toString(), "--name", "fixture", "--kind", "portrait"), "refuses to overwrite");
        Path npy = dir.resolve("img.npy");
        assertEquals(0, CharagenCommand.execute("sample", "--model", card.toString(), "--seed", "1",
                "--npy", npy.toString()));
        try (NDManager m = NDManager.newBaseManager()) {
            assertTrue(readNpy(m, npy).sub(fixture(m, "sg3t-64").get("img/1/1.0")).abs().max().getFloat() < 1e-4);
        }
    }
}
