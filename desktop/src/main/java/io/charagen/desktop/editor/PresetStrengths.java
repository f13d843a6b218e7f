package io.charagen.desktop.editor;

import io.charagen.core.CharacterGenerator;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.preset.PresetException;
import io.charagen.generator.preset.PresetKind;
import io.charagen.generator.preset.PresetSource;

import java.util.LinkedHashMap;
import java.util.Map;

/** The strength each expression preset applies on its own: where the editor's sliders start. */
final class PresetStrengths {

    private PresetStrengths() {
    }

    static Map<String, Double> of(PresetSource presets, CharacterGenerator generator) {
        ModelRef portrait = generator.portraitModel();
        Map<String, Double> strengths = new LinkedHashMap<>();
        for (String expression : generator.expressions()) {
            try {
                strengths.put(expression, presets.find(PresetKind.EXPRESSION, expression, portrait).strength());
            } catch (PresetException e) {
                // The generator read it a moment ago; if it is gone now the request will say so.
                strengths.put(expression, 1.0);
            }
        }
        return strengths;
    }
}
