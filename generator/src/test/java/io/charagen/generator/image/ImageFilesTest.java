package io.charagen.generator.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFilesTest {

    /** A PNG signature and IHDR chunk claiming width x height, with no pixel data: a bomb's header. */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        byte[] typed = ByteBuffer.allocate(17).put("IHDR".getBytes()).put(ihdr.array()).array();
        out.writeBytes(typed);
        CRC32 crc = new CRC32();
        crc.update(typed);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    @Test
    void readsAnImage(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("a.png");
        ImageIO.write(new BufferedImage(7, 5, BufferedImage.TYPE_INT_ARGB), "png", png.toFile());
        BufferedImage image = ImageFiles.read(png);
        assertEquals(7, image.getWidth());
        assertEquals(5, image.getHeight());
    }

    @Test
    void refusesAHugeImageFromItsHeader(@TempDir Path dir) throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeaderClaiming(100_000, 100_000));
        IOException e = assertThrows(IOException.class, () -> ImageFiles.read(bomb));
        assertTrue(e.getMessage().contains("100000x100000") && e.getMessage().startsWith(bomb.toString()), e.getMessage());
    }

    @Test
    void refusesWhatIsNotAnImage(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("face.png"), "hello");
        IOException e = assertThrows(IOException.class, () -> ImageFiles.read(text));
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
        e = assertThrows(IOException.class, () -> ImageFiles.read(dir.resolve("missing.png")));
        assertTrue(e.getMessage().contains("no such image file"), e.getMessage());
    }
}
