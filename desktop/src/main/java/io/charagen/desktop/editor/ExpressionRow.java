package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.ui.CheckBox;
import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Slider;
import com.badlogic.gdx.scenes.scene2d.ui.Table;
import io.charagen.generator.character.ExpressionChoice;

/**
 * One expression of the portrait set: whether it gets a face, and how strongly its preset is
 * applied. "neutral" without a preset is the portrait unchanged, so it has no strength.
 */
final class ExpressionRow {

    static final float MIN_STRENGTH = 0f;
    static final float MAX_STRENGTH = 1.5f;
    static final float STEP = 0.05f;

    private final String expression;
    private final CheckBox enabled;
    private final Slider strength;
    private final Label value;

    /** @param presetStrength the preset's own strength, or null when the expression has no preset */
    ExpressionRow(Skin skin, String expression, Double presetStrength) {
        this.expression = expression;
        enabled = new CheckBox(" " + expression, skin);
        enabled.setName("expression-" + expression);
        enabled.left();
        strength = new Slider(MIN_STRENGTH, MAX_STRENGTH, STEP, false, skin);
        strength.setName("strength-" + expression);
        value = new Label("", skin, "dim");
        if (presetStrength == null) {
            strength.setVisible(false);
            value.setText("unchanged");
        } else {
            strength.setValue(presetStrength.floatValue());
        }
        refresh();
    }

    void addTo(Table table) {
        table.add(enabled).left().minWidth(110);
        table.add(strength).growX().minWidth(110);
        table.add(value).left().minWidth(60).padLeft(8).row();
    }

    String expression() {
        return expression;
    }

    boolean hasStrength() {
        return strength.isVisible();
    }

    boolean isEnabled() {
        return enabled.isChecked();
    }

    ExpressionChoice choice() {
        return new ExpressionChoice(expression, hasStrength() ? Rounding.hundredths(strength.getValue()) : null);
    }

    /**
     * Sets the row from a record's choice (null: not drawn); a strength of null keeps the preset's own.
     *
     * @return a note when the slider could not show the strength exactly, else null
     */
    String load(ExpressionChoice choice, double presetStrength) {
        enabled.setChecked(choice != null);
        String note = null;
        if (choice != null && hasStrength()) {
            double wanted = choice.strength() != null ? choice.strength() : presetStrength;
            strength.setValue((float) wanted);
            if (Math.abs(Rounding.hundredths(strength.getValue()) - wanted) > 1e-6) {
                note = expression + " strength " + wanted + " shown as " + Rounding.hundredths(strength.getValue());
            }
        }
        refresh();
        return note;
    }

    /** Follows the check box: the slider works only for a face that is drawn. */
    void refresh() {
        strength.setDisabled(!enabled.isChecked());
        if (hasStrength()) {
            value.setText(String.format("%.2f", strength.getValue()));
        }
    }
}
