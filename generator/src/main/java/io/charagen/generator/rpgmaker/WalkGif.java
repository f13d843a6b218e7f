package io.charagen.generator.rpgmaker;

import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A looping animated GIF preview of a character walking: the four directions side by side (down,
 * left, right, up), each playing RPG Maker's walk cycle of patterns 0, 1, 2, 1. Pixels are scaled
 * up by an integer factor with nearest neighbour, so pixel art stays crisp. Pixels with alpha below
 * 128 become GIF transparency; each frame is cleared to the background before the next is drawn.
 */
public final class WalkGif {

    /** The walk cycle, as pattern numbers. */
    static final int[] CYCLE = {0, 1, 2, 1};

    private static final String FORMAT = "javax_imageio_gif_image_1.0";
    private static final int MAX_SIDE = 65535;

    private WalkGif() {
    }

    /**
     * Writes the preview to {@code out} (which is left open).
     *
     * @param scale   integer upscale factor, at least 1
     * @param delayMs time each frame shows, in milliseconds, 10 to 655350; GIF counts in hundredths
     *                of a second, so it is rounded to the nearest 10 ms
     */
    public static void write(CharacterFrames character, int scale, int delayMs, OutputStream out) throws IOException {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        if (delayMs < 10 || delayMs > 655350) {
            throw new IllegalArgumentException("delayMs must be 10 to 655350 (GIF delays are hundredths of a second), got "
                    + delayMs);
        }
        int fw = character.frameWidth();
        int fh = character.frameHeight();
        int directions = Direction.values().length;
        long width = (long) directions * fw * scale;
        long height = (long) fh * scale;
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("scale " + scale + " makes a " + width + "x" + height
                    + " GIF; GIF sides are at most " + MAX_SIDE);
        }
        // frame pixels [pattern][direction]
        int[][][] pixels = new int[CharacterFrames.PATTERNS][directions][];
        List<int[]> all = new ArrayList<>();
        for (int p = 0; p < CharacterFrames.PATTERNS; p++) {
            for (Direction d : Direction.values()) {
                pixels[p][d.ordinal()] = character.frame(d, p).getRGB(0, 0, fw, fh, null, 0, fw);
                all.add(pixels[p][d.ordinal()]);
            }
        }
        GifPalette palette = GifPalette.of(all);

        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (int step = 0; step < CYCLE.length; step++) {
                BufferedImage image = new BufferedImage((int) width, (int) height, BufferedImage.TYPE_BYTE_INDEXED,
                        palette.colorModel());
                WritableRaster raster = image.getRaster();
                for (int d = 0; d < directions; d++) {
                    int[] frame = pixels[CYCLE[step]][d];
                    for (int y = 0; y < height; y++) {
                        for (int x = 0; x < fw * scale; x++) {
                            int index = palette.indexOf(frame[(y / scale) * fw + x / scale]);
                            raster.setSample(d * fw * scale + x, y, 0, index);
                        }
                    }
                }
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                metadata.mergeTree(FORMAT, frameMetadata(step == 0, Math.round(delayMs / 10f), palette.colorModel()));
                writer.writeToSequence(new IIOImage(image, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        out.flush(); // closing the image stream leaves out open
    }

    private static IIOMetadataNode frameMetadata(boolean first, int delayCentiseconds, IndexColorModel colours) {
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        // the writer's default metadata carries a stock palette, not the image's: give it ours
        IIOMetadataNode table = new IIOMetadataNode("LocalColorTable");
        table.setAttribute("sizeOfLocalColorTable", Integer.toString(colours.getMapSize()));
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < colours.getMapSize(); i++) {
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString(colours.getRed(i)));
            entry.setAttribute("green", Integer.toString(colours.getGreen(i)));
            entry.setAttribute("blue", Integer.toString(colours.getBlue(i)));
            table.appendChild(entry);
        }
        root.appendChild(table);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "restoreToBackgroundColor");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "TRUE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        if (first) {
            // NETSCAPE2.0 sub-block 1: loop count, little-endian; 0 loops forever
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            IIOMetadataNode extensions = new IIOMetadataNode("ApplicationExtensions");
            extensions.appendChild(loop);
            root.appendChild(extensions);
        }
        return root;
    }
}
