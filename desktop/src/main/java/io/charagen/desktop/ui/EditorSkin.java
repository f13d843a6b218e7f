package io.charagen.desktop.ui;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.Texture.TextureFilter;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.scenes.scene2d.ui.Button.ButtonStyle;
import com.badlogic.gdx.scenes.scene2d.ui.CheckBox.CheckBoxStyle;
import com.badlogic.gdx.scenes.scene2d.ui.ImageButton.ImageButtonStyle;
import com.badlogic.gdx.scenes.scene2d.ui.Label.LabelStyle;
import com.badlogic.gdx.scenes.scene2d.ui.List.ListStyle;
import com.badlogic.gdx.scenes.scene2d.ui.ProgressBar.ProgressBarStyle;
import com.badlogic.gdx.scenes.scene2d.ui.ScrollPane.ScrollPaneStyle;
import com.badlogic.gdx.scenes.scene2d.ui.SelectBox.SelectBoxStyle;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Slider.SliderStyle;
import com.badlogic.gdx.scenes.scene2d.ui.SplitPane.SplitPaneStyle;
import com.badlogic.gdx.scenes.scene2d.ui.TextButton.TextButtonStyle;
import com.badlogic.gdx.scenes.scene2d.ui.TextField.TextFieldStyle;
import com.badlogic.gdx.scenes.scene2d.ui.TextTooltip.TextTooltipStyle;
import com.badlogic.gdx.scenes.scene2d.ui.Window.WindowStyle;
import com.badlogic.gdx.scenes.scene2d.utils.Drawable;

import static io.charagen.desktop.ui.EditorPalette.ACCENT;
import static io.charagen.desktop.ui.EditorPalette.ACCENT_DOWN;
import static io.charagen.desktop.ui.EditorPalette.ACCENT_OVER;
import static io.charagen.desktop.ui.EditorPalette.BACKGROUND;
import static io.charagen.desktop.ui.EditorPalette.BORDER;
import static io.charagen.desktop.ui.EditorPalette.CONTROL;
import static io.charagen.desktop.ui.EditorPalette.CONTROL_DOWN;
import static io.charagen.desktop.ui.EditorPalette.CONTROL_OVER;
import static io.charagen.desktop.ui.EditorPalette.FIELD;
import static io.charagen.desktop.ui.EditorPalette.PANEL;
import static io.charagen.desktop.ui.EditorPalette.SELECTION;
import static io.charagen.desktop.ui.EditorPalette.TEXT;
import static io.charagen.desktop.ui.EditorPalette.TEXT_DIM;
import static io.charagen.desktop.ui.EditorPalette.TEXT_DISABLED;
import static io.charagen.desktop.ui.EditorPalette.TITLE;

/**
 * The editor's dark scene2d.ui skin, built in code from libGDX's built-in font and a few painted
 * Pixmaps (see {@link EditorDrawables}), so no skin files ship with the editor.
 *
 * <p>Every widget's style is registered as "default" (sliders and progress bars as
 * "default-horizontal" and "default-vertical"), plus a larger "title" and a "dim" label, "toggle"
 * buttons that show when they are checked, a "plain"
 * scroll pane without a background and a "dialog" window that dims the stage behind it. The
 * palette's colours are registered by name ("accent", "text", ...) and tinted panels as drawables
 * ("panel", "field", "background"). Make it on the render thread; {@link #dispose()} frees its
 * textures and font.
 */
public final class EditorSkin extends Skin {

    public EditorSkin() {
        add("default-font", new BitmapFont(), BitmapFont.class);
        add("title-font", titleFont(), BitmapFont.class);
        addColours();
        EditorDrawables.addTo(this);
        add("background", newDrawable("white", BACKGROUND), Drawable.class);

        addLabels();
        addButtons();
        addCheckBox();
        addSliders();
        addProgressBars();
        addScrollPanes();
        addList();
        addSelectBox();
        addTextField();
        addWindows();
        addSplitPanes();
        addTooltip();
    }

    public BitmapFont font() {
        return getFont("default-font");
    }

    /** The built-in font a quarter larger, filtered smoothly so the scaled glyphs stay clean. */
    private static BitmapFont titleFont() {
        BitmapFont font = new BitmapFont();
        font.getData().setScale(1.25f);
        font.getRegion().getTexture().setFilter(TextureFilter.Linear, TextureFilter.Linear);
        return font;
    }

    private void addColours() {
        add("background", BACKGROUND);
        add("panel", PANEL);
        add("field", FIELD);
        add("control", CONTROL);
        add("border", BORDER);
        add("accent", ACCENT);
        add("text", TEXT);
        add("text-dim", TEXT_DIM);
        add("text-disabled", TEXT_DISABLED);
        add("title", TITLE);
    }

    private void addLabels() {
        add("default", new LabelStyle(font(), TEXT));
        add("title", new LabelStyle(getFont("title-font"), TITLE));
        add("dim", new LabelStyle(font(), TEXT_DIM));
    }

    private void addButtons() {
        for (boolean toggle : new boolean[] {false, true}) {
            String name = toggle ? "toggle" : "default";
            ButtonStyle button = new ButtonStyle();
            fillButton(button, 12, 5, toggle);
            add(name, button);

            TextButtonStyle text = new TextButtonStyle();
            fillButton(text, 12, 5, toggle);
            text.font = font();
            text.fontColor = TEXT;
            text.overFontColor = Color.WHITE;
            text.checkedFontColor = Color.WHITE;
            text.disabledFontColor = TEXT_DISABLED;
            add(name, text);

            ImageButtonStyle image = new ImageButtonStyle();
            fillButton(image, 5, 5, toggle);
            add(name, image);
        }
    }

    /**
     * Backgrounds shared by all buttons: the control colour, lighter under the mouse. Only toggle
     * styles show the checked state (accent), since every libGDX button flips it when clicked.
     */
    private void fillButton(ButtonStyle style, float padX, float padY, boolean toggle) {
        style.up = rounded(CONTROL, padX, padY);
        style.over = rounded(CONTROL_OVER, padX, padY);
        style.down = rounded(CONTROL_DOWN, padX, padY);
        style.disabled = rounded(PANEL, padX, padY);
        if (toggle) {
            style.checked = rounded(ACCENT, padX, padY);
            style.checkedOver = rounded(ACCENT_OVER, padX, padY);
            style.checkedDown = rounded(ACCENT_DOWN, padX, padY);
        }
    }

    /** An image button styled by this skin ("default" or "toggle") showing {@code icon}. */
    public ImageButtonStyle iconButton(Drawable icon, String styleName) {
        ImageButtonStyle style = new ImageButtonStyle(get(styleName, ImageButtonStyle.class));
        style.imageUp = icon;
        return style;
    }

    private void addCheckBox() {
        CheckBoxStyle style = new CheckBoxStyle();
        style.checkboxOff = getDrawable("check-off");
        style.checkboxOver = getDrawable("check-off-over");
        style.checkboxOn = getDrawable("check-on");
        style.checkboxOnOver = getDrawable("check-on-over");
        style.checkboxOffDisabled = getDrawable("check-off-disabled");
        style.checkboxOnDisabled = getDrawable("check-on-disabled");
        style.font = font();
        style.fontColor = TEXT;
        style.overFontColor = Color.WHITE;
        style.disabledFontColor = TEXT_DISABLED;
        add("default", style);
    }

    private void addSliders() {
        for (boolean vertical : new boolean[] {false, true}) {
            SliderStyle style = new SliderStyle();
            style.background = track(CONTROL, vertical);
            style.knobBefore = track(ACCENT, vertical);
            style.disabledBackground = track(PANEL, vertical);
            style.disabledKnobBefore = track(TEXT_DISABLED, vertical);
            style.knob = getDrawable("knob");
            style.knobOver = newDrawable("circle", Color.WHITE);
            style.knobDown = newDrawable("circle", ACCENT_OVER);
            style.disabledKnob = newDrawable("circle", TEXT_DISABLED);
            add(vertical ? "default-vertical" : "default-horizontal", style);
        }
    }

    private void addProgressBars() {
        for (boolean vertical : new boolean[] {false, true}) {
            ProgressBarStyle style = new ProgressBarStyle();
            style.background = track(CONTROL, vertical);
            style.knobBefore = track(ACCENT, vertical);
            style.disabledBackground = track(PANEL, vertical);
            style.disabledKnobBefore = track(TEXT_DISABLED, vertical);
            add(vertical ? "default-vertical" : "default-horizontal", style);
        }
    }

    private void addScrollPanes() {
        ScrollPaneStyle framed = plainScrollPane();
        framed.background = padded(newDrawable("panel"), 2, 2);
        add("default", framed);
        add("plain", plainScrollPane());
    }

    private ScrollPaneStyle plainScrollPane() {
        ScrollPaneStyle style = new ScrollPaneStyle();
        style.vScrollKnob = sized(newDrawable("track", BORDER), 6, 20);
        style.hScrollKnob = sized(newDrawable("track", BORDER), 20, 6);
        return style;
    }

    private void addList() {
        add("default", listStyle());
    }

    private ListStyle listStyle() {
        ListStyle style = new ListStyle();
        style.font = font();
        style.fontColorUnselected = TEXT;
        style.fontColorSelected = Color.WHITE;
        style.selection = padded(newDrawable("white", ACCENT), 8, 3);
        style.over = padded(newDrawable("white", CONTROL_OVER), 8, 3);
        style.down = padded(newDrawable("white", ACCENT_DOWN), 8, 3);
        return style;
    }

    private void addSelectBox() {
        SelectBoxStyle style = new SelectBoxStyle();
        style.font = font();
        style.fontColor = TEXT;
        style.overFontColor = Color.WHITE;
        style.disabledFontColor = TEXT_DISABLED;
        style.background = selectFace("select");
        style.backgroundOver = selectFace("select-over");
        style.backgroundOpen = selectFace("select-open");
        style.backgroundDisabled = selectFace("select-disabled");
        ScrollPaneStyle dropDown = plainScrollPane();
        dropDown.background = padded(newDrawable("header"), 1, 1);
        style.scrollStyle = dropDown;
        style.listStyle = listStyle();
        add("default", style);
    }

    private Drawable selectFace(String name) {
        Drawable face = newDrawable(name);
        face.setLeftWidth(10);
        face.setRightWidth(28);
        face.setTopHeight(5);
        face.setBottomHeight(5);
        return face;
    }

    private void addTextField() {
        TextFieldStyle style = new TextFieldStyle();
        style.font = font();
        style.fontColor = TEXT;
        style.focusedFontColor = Color.WHITE;
        style.disabledFontColor = TEXT_DISABLED;
        style.background = padded(newDrawable("field"), 8, 5);
        style.focusedBackground = padded(newDrawable("field-focused"), 8, 5);
        style.disabledBackground = padded(newDrawable("field-disabled"), 8, 5);
        style.cursor = sized(newDrawable("white", TEXT), 1, 1);
        style.selection = newDrawable("white", SELECTION);
        style.messageFont = font();
        style.messageFontColor = TEXT_DISABLED;
        add("default", style);
    }

    private void addWindows() {
        WindowStyle window = new WindowStyle(font(), TEXT, windowBackground());
        add("default", window);
        WindowStyle dialog = new WindowStyle(font(), TEXT, windowBackground());
        dialog.stageBackground = newDrawable("white", new Color(0f, 0f, 0f, 0.5f));
        add("dialog", dialog);
    }

    /** The title bar is the background's top padding; the title text sits 10 pixels in. */
    private Drawable windowBackground() {
        Drawable background = newDrawable("window");
        background.setLeftWidth(10);
        background.setRightWidth(10);
        background.setBottomHeight(10);
        return background;
    }

    private void addSplitPanes() {
        add("default-horizontal", new SplitPaneStyle(sized(newDrawable("white", BORDER), 4, 1)));
        add("default-vertical", new SplitPaneStyle(sized(newDrawable("white", BORDER), 1, 4)));
    }

    private void addTooltip() {
        add("default", new TextTooltipStyle(getLabel(), padded(newDrawable("header"), 8, 5)));
    }

    private LabelStyle getLabel() {
        return get("default", LabelStyle.class);
    }

    private Drawable rounded(Color colour, float padX, float padY) {
        return padded(newDrawable("rounded", colour), padX, padY);
    }

    /** A slider or progress bar track, as thick as the track patch's corners allow. */
    private Drawable track(Color colour, boolean vertical) {
        Drawable track = newDrawable("track", colour);
        // The patch's corner padding would otherwise inset the knob from the ends.
        track.setLeftWidth(0);
        track.setRightWidth(0);
        track.setTopHeight(0);
        track.setBottomHeight(0);
        return vertical ? sized(track, 6, 8) : sized(track, 8, 6);
    }

    private static Drawable padded(Drawable drawable, float padX, float padY) {
        drawable.setLeftWidth(padX);
        drawable.setRightWidth(padX);
        drawable.setTopHeight(padY);
        drawable.setBottomHeight(padY);
        return drawable;
    }

    private static Drawable sized(Drawable drawable, float minWidth, float minHeight) {
        drawable.setMinWidth(minWidth);
        drawable.setMinHeight(minHeight);
        return drawable;
    }
}
