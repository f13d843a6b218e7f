package io.charagen.generator.sheet;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The version-1 layout that training/charagen_train/data/sheet_layout.py writes into sprite model cards. */
public final class TrainingLayouts {

    public static final int BACKGROUND = 0x00FF79;

    private TrainingLayouts() {
    }

    public static JsonObject version1() {
        JsonObject layout = new JsonObject();
        layout.addProperty("version", 1);
        layout.add("canvas", ints(256, 256));
        layout.add("cell", ints(64, 64));
        JsonArray rows = new JsonArray();
        for (String d : new String[]{"down", "left", "right", "up"}) {
            rows.add(d);
        }
        layout.add("rows", rows);
        layout.add("columns", JsonParser.parseString("""
                [{"pattern": 0, "lpc_column": {"down": 3, "left": 1, "right": 1, "up": 3}},
                 {"pattern": 1, "lpc_column": {"down": 0, "left": 0, "right": 0, "up": 0}},
                 {"pattern": 2, "lpc_column": {"down": 7, "left": 5, "right": 5, "up": 7}},
                 {"pattern": null, "lpc_column": {"down": 5, "left": 3, "right": 3, "up": 5}}]"""));
        layout.add("lpc_walk_row", JsonParser.parseString("{\"up\": 8, \"left\": 9, \"down\": 10, \"right\": 11}"));
        layout.add("frame_window", JsonParser.parseString("{\"x\": 8, \"y\": 14, \"width\": 48, \"height\": 48}"));
        layout.add("rpg_maker_frame", ints(48, 48));
        layout.add("background", ints(0, 255, 121));
        layout.addProperty("lift", "frames whose body reaches below the frame window's last row are moved up");
        layout.add("libgdx_cycle", ints(0, 3, 2, 1));
        layout.addProperty("alpha", "binary: figure pixels are opaque, everything else is exactly the background");
        return layout;
    }

    public static SheetLayout parsed() {
        return SheetLayout.fromJson(version1(), 256, "test layout");
    }

    private static JsonArray ints(int... values) {
        JsonArray a = new JsonArray();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }
}
