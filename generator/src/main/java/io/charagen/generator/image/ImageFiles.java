package io.charagen.generator.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Reads images that users hand in (projection targets, labelled examples) without trusting them:
 * the format is sniffed from the bytes, and the size is read from the header and checked before any
 * pixels are decoded, so a small file claiming a huge image (a decompression bomb) is refused.
 */
public final class ImageFiles {

    /** Sides larger than this are refused (a 4096 x 4096 ARGB image is 64 MiB). */
    public static final int MAX_SIDE = 4096;

    private ImageFiles() {
    }

    /** The image in {@code file}, or an IOException naming the file and what is wrong with it. */
    public static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such image file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(file + ": not an image (PNG, JPEG, GIF or BMP expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                    throw new IOException(file + ": the image is " + width + "x" + height + " pixels; at most "
                            + MAX_SIDE + "x" + MAX_SIDE + " is accepted");
                }
                return reader.read(0);
            } catch (IOException | RuntimeException e) {
                if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith(file.toString())) {
                    throw io;
                }
                throw new IOException(file + ": cannot decode the image: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }
}
