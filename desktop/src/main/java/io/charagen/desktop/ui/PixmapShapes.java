package io.charagen.desktop.ui;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.Pixmap;

/**
 * Anti-aliased shapes drawn into Pixmaps pixel by pixel (Pixmap's own fills have jagged
 * edges): each pixel is covered by how far its centre lies inside the shape's outline.
 */
final class PixmapShapes {

    private PixmapShapes() {
    }

    static Pixmap blank(int width, int height) {
        Pixmap pixmap = new Pixmap(width, height, Pixmap.Format.RGBA8888);
        pixmap.setBlending(Pixmap.Blending.None);
        pixmap.setColor(0, 0, 0, 0);
        pixmap.fill();
        return pixmap;
    }

    /** A filled rectangle with rounded corners of the given radius. */
    static void roundedRect(Pixmap pixmap, float x, float y, float width, float height, float radius, Color color) {
        for (int py = 0; py < pixmap.getHeight(); py++) {
            for (int px = 0; px < pixmap.getWidth(); px++) {
                float cx = px + 0.5f - x;
                float cy = py + 0.5f - y;
                // Distance outside the rectangle shrunk by the radius, minus the radius.
                float dx = Math.max(Math.abs(cx - width / 2f) - (width / 2f - radius), 0f);
                float dy = Math.max(Math.abs(cy - height / 2f) - (height / 2f - radius), 0f);
                float outside = (float) Math.sqrt(dx * dx + dy * dy) - radius;
                float inHorizontally = Math.min(cx, width - cx);
                float inVertically = Math.min(cy, height - cy);
                float edge = radius > 0f ? -outside : Math.min(inHorizontally, inVertically);
                blend(pixmap, px, py, color, coverage(edge));
            }
        }
    }

    /** A line segment with round ends, {@code thickness} pixels wide. */
    static void line(Pixmap pixmap, float x1, float y1, float x2, float y2, float thickness, Color color) {
        float lx = x2 - x1;
        float ly = y2 - y1;
        float lengthSquared = lx * lx + ly * ly;
        for (int py = 0; py < pixmap.getHeight(); py++) {
            for (int px = 0; px < pixmap.getWidth(); px++) {
                float cx = px + 0.5f - x1;
                float cy = py + 0.5f - y1;
                float t = lengthSquared == 0f ? 0f : Math.max(0f, Math.min(1f, (cx * lx + cy * ly) / lengthSquared));
                float ex = cx - t * lx;
                float ey = cy - t * ly;
                float distance = (float) Math.sqrt(ex * ex + ey * ey);
                blend(pixmap, px, py, color, coverage(thickness / 2f - distance));
            }
        }
    }

    /** A filled circle. */
    static void circle(Pixmap pixmap, float centreX, float centreY, float radius, Color color) {
        roundedRect(pixmap, centreX - radius, centreY - radius, radius * 2f, radius * 2f, radius, color);
    }

    /** A filled triangle (corners in any order). */
    static void triangle(Pixmap pixmap, float ax, float ay, float bx, float by, float cx, float cy, Color color) {
        float area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
        float sign = Math.signum(area);
        for (int py = 0; py < pixmap.getHeight(); py++) {
            for (int px = 0; px < pixmap.getWidth(); px++) {
                float x = px + 0.5f;
                float y = py + 0.5f;
                float inside = Math.min(edgeDistance(ax, ay, bx, by, x, y, sign),
                        Math.min(edgeDistance(bx, by, cx, cy, x, y, sign), edgeDistance(cx, cy, ax, ay, x, y, sign)));
                blend(pixmap, px, py, color, coverage(inside));
            }
        }
    }

    /** Signed distance of (x, y) from the edge a-b, positive on the triangle's side. */
    private static float edgeDistance(float ax, float ay, float bx, float by, float x, float y, float sign) {
        float ex = bx - ax;
        float ey = by - ay;
        float length = (float) Math.sqrt(ex * ex + ey * ey);
        return sign * (ex * (y - ay) - ey * (x - ax)) / length;
    }

    /** How much of a pixel a shape covers when its centre lies {@code inside} pixels within the edge. */
    private static float coverage(float inside) {
        return Math.max(0f, Math.min(1f, inside + 0.5f));
    }

    /** Source-over blending of one pixel (Pixmap's own blending is off so alpha stays exact). */
    private static void blend(Pixmap pixmap, int x, int y, Color color, float coverage) {
        if (coverage <= 0f) {
            return;
        }
        float alpha = color.a * coverage;
        Color below = new Color(pixmap.getPixel(x, y));
        float outAlpha = alpha + below.a * (1f - alpha);
        if (outAlpha <= 0f) {
            return;
        }
        float keep = below.a * (1f - alpha);
        pixmap.drawPixel(x, y, Color.rgba8888(
                (color.r * alpha + below.r * keep) / outAlpha,
                (color.g * alpha + below.g * keep) / outAlpha,
                (color.b * alpha + below.b * keep) / outAlpha,
                outAlpha));
    }
}
