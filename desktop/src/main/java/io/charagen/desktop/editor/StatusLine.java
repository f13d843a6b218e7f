package io.charagen.desktop.editor;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.utils.Align;

/** The line at the bottom of the window that says what just happened, or what went wrong. */
final class StatusLine extends Label {

    static final Color ERROR = Color.valueOf("ff8a80");
    private boolean error;

    StatusLine(Skin skin) {
        super("", skin);
        setName("status");
        setEllipsis(true);
        setAlignment(Align.left);
    }

    void info(String message) {
        show(message, false);
    }

    void error(String message) {
        show(message, true);
    }

    boolean showsError() {
        return error;
    }

    private void show(String message, boolean isError) {
        error = isError;
        setText(message);
        setColor(isError ? ERROR : Color.WHITE);
    }
}
