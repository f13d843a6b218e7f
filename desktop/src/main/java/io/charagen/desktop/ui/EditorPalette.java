package io.charagen.desktop.ui;

import com.badlogic.gdx.graphics.Color;

/** The editor's dark theme colours, in one place so screens can match the skin. */
public final class EditorPalette {

    /** Behind everything. */
    public static final Color BACKGROUND = Color.valueOf("1b1e24");
    /** Panels, windows and lists. */
    public static final Color PANEL = Color.valueOf("252932");
    /** Window title bars. */
    public static final Color HEADER = Color.valueOf("2f3440");
    /** Input fields: darker than the panel so they read as wells. */
    public static final Color FIELD = Color.valueOf("171a1f");
    /** Buttons and other controls at rest. */
    public static final Color CONTROL = Color.valueOf("394050");
    public static final Color CONTROL_OVER = Color.valueOf("465064");
    public static final Color CONTROL_DOWN = Color.valueOf("2c3340");
    /** Edges of controls and fields. */
    public static final Color BORDER = Color.valueOf("4a5263");
    /** Checked, selected and focused things. */
    public static final Color ACCENT = Color.valueOf("4c8fe0");
    public static final Color ACCENT_OVER = Color.valueOf("67a3ec");
    public static final Color ACCENT_DOWN = Color.valueOf("3a75bd");
    public static final Color SELECTION = new Color(0x4c8fe066);
    public static final Color TEXT = Color.valueOf("e3e6ec");
    public static final Color TEXT_DIM = Color.valueOf("9aa2b1");
    public static final Color TEXT_DISABLED = Color.valueOf("626a79");
    public static final Color TITLE = Color.valueOf("8fbff5");

    private EditorPalette() {
    }
}
