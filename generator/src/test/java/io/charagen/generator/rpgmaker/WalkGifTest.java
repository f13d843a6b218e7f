package io.charagen.generator.rpgmaker;

import static io.charagen.generator.rpgmaker.TestCharacters.character;
import static io.charagen.generator.rpgmaker.TestCharacters.marker;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

class WalkGifTest {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private static byte[] gif(CharacterFrames c, int scale, int delayMs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WalkGif.write(c, scale, delayMs, out);
        return out.toByteArray();
    }

    private static ImageReader reader(byte[] bytes) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
        reader.setInput(in);
        return reader;
    }

    private static IIOMetadataNode child(Node parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return (IIOMetadataNode) n;
            }
        }
        return null;
    }

    @Test
    void fourFramesWalkPatterns0121WithDirectionsSideBySide() throws IOException {
        int scale = 3;
        int fw = 16;
        byte[] bytes = gif(character(2, fw, 20), scale, 120);
        System.out.println("walk GIF of 16x20 frames at scale 3: " + bytes.length + " bytes");
        ImageReader reader = reader(bytes);
        assertEquals(4, reader.getNumImages(true));
        int[] cycle = {0, 1, 2, 1};
        for (int step = 0; step < 4; step++) {
            BufferedImage frame = reader.read(step);
            assertEquals(4 * fw * scale, frame.getWidth());
            assertEquals(20 * scale, frame.getHeight());
            for (Direction d : Direction.values()) {
                int left = d.ordinal() * fw * scale;
                String where = "step " + step + " " + d.key();
                assertEquals(marker(2, d, cycle[step]), frame.getRGB(left + fw * scale - 1, 20 * scale - 1), where);
                assertEquals(marker(2, d, cycle[step]), frame.getRGB(left + scale, 0), where + " half alpha is opaque");
                // the transparent source pixel (0, 0) is scale x scale transparent pixels
                assertEquals(0, frame.getRGB(left, 0) >>> 24, where);
                assertEquals(0, frame.getRGB(left + scale - 1, scale - 1) >>> 24, where);
                assertEquals(0xff, frame.getRGB(left + scale, scale) >>> 24, where);
            }
            Node tree = reader.getImageMetadata(step).getAsTree(FORMAT);
            IIOMetadataNode control = child(tree, "GraphicControlExtension");
            assertNotNull(control, "graphic control extension of frame " + step);
            assertEquals("12", control.getAttribute("delayTime"));
            assertEquals("restoreToBackgroundColor", control.getAttribute("disposalMethod"));
            assertEquals("TRUE", control.getAttribute("transparentColorFlag"));
        }
        IIOMetadataNode extensions = child(reader.getImageMetadata(0).getAsTree(FORMAT), "ApplicationExtensions");
        assertNotNull(extensions, "first frame carries the loop extension");
        IIOMetadataNode loop = child(extensions, "ApplicationExtension");
        assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
        assertEquals("2.0", loop.getAttribute("authenticationCode"));
        assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) loop.getUserObject(), "loop forever");
    }

    @Test
    void moreThan255ColoursAreReducedDeterministically() throws IOException {
        // every pixel of every frame a different colour: 12 * 16 * 16 = 3072 colours
        BufferedImage[][] frames = new BufferedImage[4][3];
        int n = 0;
        for (int d = 0; d < 4; d++) {
            for (int p = 0; p < 3; p++) {
                frames[d][p] = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        frames[d][p].setRGB(x, y, 0xff000000 | (n * 5471 & 0xffffff));
                        n++;
                    }
                }
            }
        }
        CharacterFrames many = new CharacterFrames(frames, null);
        byte[] first = gif(many, 1, 100);
        assertArrayEquals(first, gif(many, 1, 100), "the same frames give the same file");
        ImageReader reader = reader(first);
        assertEquals(4, reader.getNumImages(true));
        Set<Integer> colours = new HashSet<>();
        for (int step = 0; step < 4; step++) {
            BufferedImage frame = reader.read(step);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 64; x++) {
                    assertEquals(0xff, frame.getRGB(x, y) >>> 24);
                    colours.add(frame.getRGB(x, y));
                }
            }
        }
        System.out.println("3072 colours reduced to " + colours.size() + " in the GIF");
        assertTrue(colours.size() <= 255 && colours.size() > 100, "colours in the GIF: " + colours.size());
    }

    @Test
    void badScaleAndDelayAreRefused() {
        CharacterFrames c = character(0, 8, 8);
        assertThrows(IllegalArgumentException.class, () -> gif(c, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> gif(c, 1, 5));
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class, () -> gif(c, 5000, 100));
        assertTrue(huge.getMessage().contains("65535"), huge.getMessage());
    }
}
