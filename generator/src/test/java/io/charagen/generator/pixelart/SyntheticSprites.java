package io.charagen.generator.pixelart;

import io.charagen.generator.sheet.Direction;
import io.charagen.generator.sheet.SheetLayout;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Simple drawn characters for tests: a head circle with a hair cap, a narrower neck, a body and two legs. */
public final class SyntheticSprites {

    public static final Color SKIN = new Color(0xF0C8A0);
    public static final Color HAIR = new Color(0x8B4513);
    public static final Color SHIRT = new Color(0x3050C0);
    public static final Color PANTS = new Color(0x404040);

    private SyntheticSprites() {
    }

    /** Where the parts of a drawn figure are. */
    public record Parts(Rectangle head, Rectangle neck, Rectangle body, Rectangle legs) {
    }

    /**
     * Draws a standing figure {@code height} pixels tall whose top is at {@code top}, centred on
     * {@code centreX}: head 0.34 of the height, neck 0.12 wide, body 0.42 wide, legs below 0.72.
     */
    public static Parts drawFigure(Graphics2D g, double centreX, double top, double height) {
        double d = 0.34 * height;
        Ellipse2D head = new Ellipse2D.Double(centreX - d / 2, top, d, d);
        Rectangle2D neck = new Rectangle2D.Double(centreX - 0.06 * height, top + 0.30 * height, 0.12 * height, 0.12 * height);
        Rectangle2D body = new Rectangle2D.Double(centreX - 0.21 * height, top + 0.42 * height, 0.42 * height, 0.30 * height);
        double legW = 0.14 * height;
        Rectangle2D leftLeg = new Rectangle2D.Double(centreX - 0.03 * height - legW, top + 0.72 * height, legW, 0.28 * height);
        Rectangle2D rightLeg = new Rectangle2D.Double(centreX + 0.03 * height, top + 0.72 * height, legW, 0.28 * height);
        g.setColor(SKIN);
        g.fill(neck);
        g.fill(head);
        g.setColor(HAIR);
        g.fill(new Rectangle2D.Double(centreX - d / 2, top, d, d * 0.3).createIntersection(head.getBounds2D()));
        g.setColor(SHIRT);
        g.fill(body);
        g.setColor(PANTS);
        g.fill(leftLeg);
        g.fill(rightLeg);
        Rectangle2D legs = leftLeg.createUnion(rightLeg);
        return new Parts(head.getBounds(), neck.getBounds(), body.getBounds(), legs.getBounds());
    }

    /** A canvas filled with {@code background} and one figure per used cell, fitted in the layout's frame window. */
    public static BufferedImage canvas(SheetLayout layout, int background, boolean antialias) {
        BufferedImage canvas = new BufferedImage(layout.canvasWidth(), layout.canvasHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(background));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (antialias) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        }
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 3; p++) {
                figureIn(g, layout.frameBounds(d, p));
            }
            layout.extraBounds(d).ifPresent(r -> figureIn(g, r));
        }
        g.dispose();
        return canvas;
    }

    private static void figureIn(Graphics2D g, Rectangle frame) {
        double height = frame.height - 2;
        drawFigure(g, frame.x + frame.width / 2.0, frame.y + 1, height);
    }

    /** Adds independent uniform noise in [-amount, amount] to each channel of every pixel. */
    public static void addNoise(BufferedImage image, int amount, long seed) {
        Random random = new Random(seed);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int r = clamp((p >> 16 & 0xFF) + random.nextInt(2 * amount + 1) - amount);
                int gr = clamp((p >> 8 & 0xFF) + random.nextInt(2 * amount + 1) - amount);
                int b = clamp((p & 0xFF) + random.nextInt(2 * amount + 1) - amount);
                image.setRGB(x, y, 0xFF000000 | r << 16 | gr << 8 | b);
            }
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
