package io.charagen.generator.sheet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a version-1 sheet layout object strictly: every field the runtime uses must be present
 * and of the right type; keys it does not use (provenance such as {@code lpc_walk_row}) are
 * ignored, since the layout is free-form beyond them.
 */
final class SheetLayoutJson {

    static final int VERSION = 1;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private SheetLayoutJson() {
    }

    static SheetLayout parse(JsonObject layout, int resolution, String source) {
        if (layout == null) {
            throw new IllegalArgumentException(source + ": no layout object");
        }
        Fields f = new Fields(layout, source);
        int version = f.integer(layout.get("version"), "version");
        if (version != VERSION) {
            throw f.error("version", "is " + version + "; this runtime reads layout version " + VERSION);
        }
        int[] canvas = f.pair("canvas");
        if (canvas[0] != resolution || canvas[1] != resolution) {
            throw f.error("canvas", "is " + canvas[0] + "x" + canvas[1] + " but the model draws "
                    + resolution + "x" + resolution);
        }
        int[] cell = f.pair("cell");
        if (cell[0] <= 0 || cell[1] <= 0) {
            throw f.error("cell", "is " + cell[0] + "x" + cell[1] + ", expected a positive size");
        }
        List<Direction> rows = f.rows();
        if (rows.size() * cell[1] > canvas[1]) {
            throw f.error("rows", "has " + rows.size() + " rows of " + cell[1] + " px; the canvas is " + canvas[1] + " px high");
        }
        int[] patternColumns = {-1, -1, -1};
        Integer extra = f.columns(patternColumns, canvas[0] / cell[0]);
        Rectangle window = f.window(cell);
        Integer background = f.background();
        try {
            return new SheetLayout(canvas[0], canvas[1], cell[0], cell[1], rows, patternColumns, extra, window, background);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** Field readers that name the source and field in every error. */
    private static final class Fields {
        private final JsonObject layout;
        private final String source;

        Fields(JsonObject layout, String source) {
            this.layout = layout;
            this.source = source;
        }

        IllegalArgumentException error(String field, String problem) {
            return new IllegalArgumentException(source + ": field '" + field + "' " + problem);
        }

        JsonElement required(String field) {
            JsonElement e = layout.get(field);
            if (e == null || e.isJsonNull()) {
                throw error(field, "is missing");
            }
            return e;
        }

        int integer(JsonElement e, String field) {
            if (e == null || e.isJsonNull()) {
                throw error(field, "is missing");
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()
                    || !INTEGER.matcher(e.getAsString()).matches()) {
                throw error(field, "is " + e + ", expected an integer");
            }
            try {
                return Integer.parseInt(e.getAsString());
            } catch (NumberFormatException ex) {
                throw error(field, "is " + e + ", out of range");
            }
        }

        JsonArray array(JsonElement e, String field, int length) {
            if (!e.isJsonArray() || e.getAsJsonArray().size() != length) {
                throw error(field, "is " + e + ", expected an array of " + length);
            }
            return e.getAsJsonArray();
        }

        /** [width, height]. */
        int[] pair(String field) {
            JsonArray a = array(required(field), field, 2);
            return new int[]{integer(a.get(0), field + "[0]"), integer(a.get(1), field + "[1]")};
        }

        List<Direction> rows() {
            JsonArray a = array(required("rows"), "rows", Direction.values().length);
            List<Direction> rows = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                JsonElement e = a.get(i);
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                    throw error("rows[" + i + "]", "is " + e + ", expected a direction name");
                }
                try {
                    rows.add(Direction.fromKey(e.getAsString()));
                } catch (IllegalArgumentException ex) {
                    throw error("rows[" + i + "]", ex.getMessage());
                }
                if (rows.indexOf(rows.get(i)) != i) {
                    throw error("rows[" + i + "]", "repeats '" + e.getAsString() + "'");
                }
            }
            return rows;
        }

        /** Fills {@code patternColumns} and returns the extra frame's column (or null). */
        Integer columns(int[] patternColumns, int fit) {
            JsonElement e = required("columns");
            if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
                throw error("columns", "is " + e + ", expected an array of column objects");
            }
            JsonArray a = e.getAsJsonArray();
            if (a.size() > fit) {
                throw error("columns", "has " + a.size() + " columns but only " + fit + " cells fit across the canvas");
            }
            Integer extra = null;
            for (int c = 0; c < a.size(); c++) {
                String field = "columns[" + c + "]";
                if (!a.get(c).isJsonObject()) {
                    throw error(field, "is " + a.get(c) + ", expected an object with a 'pattern'");
                }
                JsonObject column = a.get(c).getAsJsonObject();
                if (!column.has("pattern")) {
                    throw error(field + ".pattern", "is missing (use null for the extra frame)");
                }
                JsonElement p = column.get("pattern");
                if (p.isJsonNull()) {
                    if (extra != null) {
                        throw error(field + ".pattern", "is null, but column " + extra + " already holds the extra frame");
                    }
                    extra = c;
                    continue;
                }
                int pattern = integer(p, field + ".pattern");
                if (pattern < 0 || pattern >= patternColumns.length) {
                    throw error(field + ".pattern", "is " + pattern + ", expected 0, 1, 2 or null");
                }
                if (patternColumns[pattern] >= 0) {
                    throw error(field + ".pattern", "repeats pattern " + pattern + " of column " + patternColumns[pattern]);
                }
                patternColumns[pattern] = c;
            }
            for (int p = 0; p < patternColumns.length; p++) {
                if (patternColumns[p] < 0) {
                    throw error("columns", "has no column for pattern " + p);
                }
            }
            return extra;
        }

        Rectangle window(int[] cell) {
            JsonElement e = required("frame_window");
            if (!e.isJsonObject()) {
                throw error("frame_window", "is " + e + ", expected an object {x, y, width, height}");
            }
            JsonObject w = e.getAsJsonObject();
            Rectangle r = new Rectangle(integer(w.get("x"), "frame_window.x"), integer(w.get("y"), "frame_window.y"),
                    integer(w.get("width"), "frame_window.width"), integer(w.get("height"), "frame_window.height"));
            if (r.width <= 0 || r.height <= 0 || r.x < 0 || r.y < 0 || r.x + r.width > cell[0] || r.y + r.height > cell[1]) {
                throw error("frame_window", SheetLayout.describe(r) + " does not lie inside the " + cell[0] + "x"
                        + cell[1] + " cell");
            }
            return r;
        }

        /** 0xRRGGBB, or null when the layout says null (estimate it). */
        Integer background() {
            if (!layout.has("background")) {
                throw error("background", "is missing (use null to estimate it from the image)");
            }
            JsonElement e = layout.get("background");
            if (e.isJsonNull()) {
                return null;
            }
            JsonArray a = array(e, "background", 3);
            int rgb = 0;
            for (int i = 0; i < 3; i++) {
                int v = integer(a.get(i), "background[" + i + "]");
                if (v < 0 || v > 255) {
                    throw error("background[" + i + "]", "is " + v + ", expected 0..255");
                }
                rgb = rgb << 8 | v;
            }
            return rgb;
        }
    }
}
