package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Table;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portrait set: a row per expression (see {@link ExpressionRow}). The face sheet takes the
 * ticked ones in the rows' order, or in a loaded record's order.
 */
final class PortraitControls extends Table {

    private final Map<String, ExpressionRow> rows = new LinkedHashMap<>();
    private final Map<String, Double> presetStrengths;
    private List<String> order;

    /**
     * @param expressions     in the order to show them; "neutral" needs no preset
     * @param presetStrengths each expression preset's own strength
     */
    PortraitControls(Skin skin, List<String> expressions, Map<String, Double> presetStrengths) {
        super(skin);
        this.presetStrengths = presetStrengths;
        defaults().padBottom(3);
        for (String expression : expressions) {
            ExpressionRow row = new ExpressionRow(skin, expression, presetStrengths.get(expression));
            rows.put(expression, row);
            row.addTo(this);
        }
        order = List.copyOf(rows.keySet());
        // A new character starts with the neutral face and, where there is a preset for it, a happy one.
        for (String first : List.of(ExpressionChoice.BASE, "happy")) {
            if (rows.containsKey(first)) {
                rows.get(first).load(new ExpressionChoice(first, null), strength(first));
            }
        }
    }

    private double strength(String expression) {
        return presetStrengths.getOrDefault(expression, 0.0);
    }

    /**
     * The ticked faces, in face-sheet order.
     *
     * @throws IllegalArgumentException when none or more than a sheet holds are ticked
     */
    List<ExpressionChoice> choices() {
        List<ExpressionChoice> faces = new ArrayList<>();
        for (String expression : order) {
            ExpressionRow row = rows.get(expression);
            if (row.isEnabled()) {
                faces.add(row.choice());
            }
        }
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("no portraits: tick at least one expression");
        }
        if (faces.size() > CharacterSpec.MAX_FACES) {
            throw new IllegalArgumentException(faces.size() + " portraits: a face sheet holds " + CharacterSpec.MAX_FACES);
        }
        return faces;
    }

    /** @throws IllegalArgumentException naming an expression of {@code faces} that has no row here */
    void check(List<ExpressionChoice> faces) {
        for (ExpressionChoice choice : faces) {
            if (!rows.containsKey(choice.name())) {
                throw new IllegalArgumentException("the record's expression '" + choice.name() + "' has no preset for the "
                        + "portrait model (there are: " + String.join(", ", rows.keySet()) + ")");
            }
        }
    }

    /**
     * Ticks exactly {@code faces}, with their strengths and in their order; {@link #check} them first.
     *
     * @return notes on strengths the sliders show rounded
     */
    List<String> load(List<ExpressionChoice> faces) {
        List<String> notes = new ArrayList<>();
        List<String> newOrder = new ArrayList<>();
        faces.forEach(c -> newOrder.add(c.name()));
        for (ExpressionRow row : rows.values()) {
            ExpressionChoice choice = faces.stream().filter(c -> c.name().equals(row.expression())).findFirst().orElse(null);
            String note = row.load(choice, strength(row.expression()));
            if (note != null) {
                notes.add(note);
            }
            if (!newOrder.contains(row.expression())) {
                newOrder.add(row.expression());
            }
        }
        order = List.copyOf(newOrder);
        return notes;
    }

    void refresh() {
        rows.values().forEach(ExpressionRow::refresh);
    }
}
