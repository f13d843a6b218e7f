package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.Actor;
import com.badlogic.gdx.scenes.scene2d.ui.CheckBox;
import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.SelectBox;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Slider;
import com.badlogic.gdx.scenes.scene2d.ui.Table;
import com.badlogic.gdx.scenes.scene2d.ui.TextButton;
import com.badlogic.gdx.scenes.scene2d.ui.TextField;
import com.badlogic.gdx.scenes.scene2d.utils.ChangeListener;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.character.LayerMix;
import io.charagen.generator.latent.NumpyRandomState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The edited character's controls: name, seed, psi, archetype, the faces and their strengths, and
 * layer-group mixing with a second seed. {@link #spec()} reads them into a spec (or says what is
 * wrong with them); {@link #load} sets them from a record. Any change is reported to the listener
 * given, once per user action.
 */
final class SpecForm extends Table {

    static final String NO_ARCHETYPE = "none";
    static final float MIN_PSI = -1f;
    static final float MAX_PSI = 1.5f;
    /** The command line's defaults: a 32-colour palette, no outline. */
    private static final int PALETTE = 32;

    private final TextField name;
    private final TextField seed;
    private final Slider psi;
    private final Label psiValue;
    private final SelectBox<String> archetype;
    private final TextField steps;
    private final Map<String, ExpressionRow> expressions = new LinkedHashMap<>();
    private final Map<String, Double> presetStrengths;
    private final CheckBox mix;
    private final TextField mixSeed;
    private final Map<String, CheckBox> groups = new LinkedHashMap<>();
    private final Runnable changed;
    /** Face-sheet order: the rows' order, or a loaded record's. */
    private List<String> faceOrder;
    private int paletteSize = PALETTE;
    private Integer outlineRgb;
    private boolean loading;

    /**
     * @param presetStrengths each expression preset's own strength; "neutral" may have none
     * @param changed         called after the user changes anything
     */
    SpecForm(Skin skin, List<String> archetypes, List<String> expressionNames, Map<String, Double> presetStrengths,
             List<String> layerGroups, int projectionSteps, Runnable changed) {
        super(skin);
        this.presetStrengths = presetStrengths;
        this.changed = changed;
        setName("spec-form");
        top().left();
        defaults().left().padBottom(5);

        name = field(skin, "name", "Hero");
        seed = field(skin, "seed", "0");
        psi = new Slider(MIN_PSI, MAX_PSI, 0.05f, false, skin);
        psi.setName("psi");
        psi.setValue(0.7f);
        psiValue = new Label("", skin, "dim");
        archetype = new SelectBox<>(skin);
        archetype.setName("archetype");
        List<String> archetypeItems = new ArrayList<>(List.of(NO_ARCHETYPE));
        archetypeItems.addAll(archetypes);
        archetype.setItems(archetypeItems.toArray(String[]::new));
        steps = field(skin, "steps", Integer.toString(projectionSteps));

        add(new Label("Character", skin, "title")).colspan(2).row();
        row(skin, "name", name);
        Table seedRow = new Table();
        seedRow.add(seed).width(110).padRight(6);
        seedRow.add(button(skin, "-", "seed-down", () -> stepSeed(-1))).width(30).padRight(4);
        seedRow.add(button(skin, "+", "seed-up", () -> stepSeed(1))).width(30).padRight(4);
        seedRow.add(button(skin, "random", "seed-random", this::randomSeed));
        row(skin, "seed", seedRow);
        Table psiRow = new Table();
        psiRow.add(psi).width(170).padRight(8);
        psiRow.add(psiValue).width(40);
        row(skin, "psi", psiRow);
        row(skin, "archetype", archetype);
        Table stepsRow = new Table();
        stepsRow.add(steps).width(70).padRight(8);
        stepsRow.add(new Label("steps (fewer: sooner, rougher)", skin, "dim"));
        row(skin, "projection", stepsRow);

        add(new Label("Portraits", skin, "title")).colspan(2).padTop(8).row();
        Table faces = new Table();
        faces.defaults().padBottom(3);
        for (String expression : expressionNames) {
            ExpressionRow row = new ExpressionRow(skin, expression, presetStrengths.get(expression));
            expressions.put(expression, row);
            row.addTo(faces);
        }
        add(faces).colspan(2).growX().row();
        faceOrder = List.copyOf(expressions.keySet());
        // A new character starts with the neutral face and, where there is a preset for it, a happy one.
        for (String first : List.of(ExpressionChoice.BASE, "happy")) {
            if (expressions.containsKey(first)) {
                expressions.get(first).load(new ExpressionChoice(first, null), presetStrengths.getOrDefault(first, 0.0));
            }
        }

        add(new Label("Layer mix", skin, "title")).colspan(2).padTop(8).row();
        mix = new CheckBox(" take layers from seed", skin);
        mix.setName("mix");
        mixSeed = field(skin, "mix-seed", "1");
        Table mixRow = new Table();
        mixRow.add(mix).padRight(6);
        mixRow.add(mixSeed).width(110);
        add(mixRow).colspan(2).row();
        Table groupRow = new Table();
        for (String group : layerGroups) {
            CheckBox box = new CheckBox(" " + group, skin);
            box.setName("mix-group-" + group);
            box.left();
            groups.put(group, box);
            groupRow.add(box).padRight(12);
        }
        add(groupRow).colspan(2).padLeft(24).row();

        addListener(new ChangeListener() {
            @Override
            public void changed(ChangeEvent event, Actor actor) {
                refresh();
                if (!loading) {
                    SpecForm.this.changed.run();
                }
            }
        });
        refresh();
    }

    private void row(Skin skin, String label, Actor control) {
        add(new Label(label, skin)).width(84);
        add(control).left().row();
    }

    private static TextField field(Skin skin, String name, String text) {
        TextField field = new TextField(text, skin);
        field.setName(name);
        return field;
    }

    private static TextButton button(Skin skin, String text, String name, Runnable action) {
        TextButton button = new TextButton(text, skin);
        button.setName(name);
        button.addListener(new ChangeListener() {
            @Override
            public void changed(ChangeEvent event, Actor actor) {
                event.stop(); // the seed field's change below is the one that counts
                action.run();
            }
        });
        return button;
    }

    /**
     * The spec the controls describe.
     *
     * @throws IllegalArgumentException saying which control holds what cannot be used
     */
    CharacterSpec spec() {
        long characterSeed = Seeds.parse("seed", seed.getText());
        List<ExpressionChoice> faces = new ArrayList<>();
        for (String expression : faceOrder) {
            ExpressionRow row = expressions.get(expression);
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
        String chosenArchetype = NO_ARCHETYPE.equals(archetype.getSelected()) ? null : archetype.getSelected();
        return new CharacterSpec(name.getText().trim(), characterSeed, Rounding.hundredths(psi.getValue()), chosenArchetype,
                faces, paletteSize, outlineRgb, projectionSteps(), mix());
    }

    private int projectionSteps() {
        try {
            int n = Integer.parseInt(steps.getText().trim());
            if (n >= 1 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("projection steps '" + steps.getText().trim() + "': expected 1 to 100000");
    }

    private LayerMix mix() {
        if (!mix.isChecked()) {
            return null;
        }
        long other = Seeds.parse("mix seed", mixSeed.getText());
        List<String> chosen = groups.entrySet().stream().filter(e -> e.getValue().isChecked()).map(Map.Entry::getKey).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("mix with seed " + other + ": tick the layer groups to take from it");
        }
        return new LayerMix(other, chosen);
    }

    /** The character's name as typed (checked when it names files). */
    String characterName() {
        return name.getText().trim();
    }

    /** Shows {@code newSeed} in the seed field and reports the change. */
    void setSeed(long newSeed) {
        seed.setText(Long.toString(newSeed));
        refresh();
        changed.run();
    }

    private void stepSeed(int delta) {
        long current;
        try {
            current = Seeds.parse("seed", seed.getText());
        } catch (IllegalArgumentException e) {
            current = 0;
        }
        setSeed(Seeds.step(current, delta));
    }

    private void randomSeed() {
        setSeed(ThreadLocalRandom.current().nextLong(NumpyRandomState.MAX_SEED + 1));
    }

    /**
     * Sets every control from {@code spec} (a loaded record's), then reports one change. Nothing is
     * changed when the spec names an archetype, expression or layer group that is not here.
     *
     * @return notes on values the controls show rounded (empty when all fit)
     * @throws IllegalArgumentException naming what the spec needs that the loaded presets lack
     */
    List<String> load(CharacterSpec spec) {
        String wantedArchetype = spec.archetype() == null ? NO_ARCHETYPE : spec.archetype();
        if (!archetype.getItems().contains(wantedArchetype, false)) {
            throw new IllegalArgumentException("the record's archetype '" + spec.archetype() + "' has no preset for these "
                    + "models (there are: " + String.join(", ", List.of(archetype.getItems().toArray(String.class))) + ")");
        }
        for (ExpressionChoice choice : spec.expressions()) {
            if (!expressions.containsKey(choice.name())) {
                throw new IllegalArgumentException("the record's expression '" + choice.name() + "' has no preset for the "
                        + "portrait model (there are: " + String.join(", ", expressions.keySet()) + ")");
            }
        }
        if (spec.mix() != null && !groups.keySet().containsAll(spec.mix().groups())) {
            throw new IllegalArgumentException("the record mixes layer groups " + spec.mix().groups()
                    + "; the sprite model has " + String.join(", ", groups.keySet()));
        }
        List<String> notes = new ArrayList<>();
        loading = true;
        try {
            name.setText(spec.name());
            seed.setText(Long.toString(spec.seed()));
            psi.setValue((float) spec.psi());
            if (Math.abs(Rounding.hundredths(psi.getValue()) - spec.psi()) > 1e-6) {
                notes.add("psi " + spec.psi() + " shown as " + Rounding.hundredths(psi.getValue()));
            }
            archetype.setSelected(wantedArchetype);
            steps.setText(Integer.toString(spec.projectionSteps()));
            List<String> order = new ArrayList<>();
            for (ExpressionRow row : expressions.values()) {
                ExpressionChoice choice = spec.expressions().stream().filter(c -> c.name().equals(row.expression()))
                        .findFirst().orElse(null);
                String note = row.load(choice, presetStrengths.getOrDefault(row.expression(), 0.0));
                if (note != null) {
                    notes.add(note);
                }
            }
            spec.expressions().forEach(c -> order.add(c.name()));
            expressions.keySet().stream().filter(e -> !order.contains(e)).forEach(order::add);
            faceOrder = List.copyOf(order);
            mix.setChecked(spec.mix() != null);
            if (spec.mix() != null) {
                mixSeed.setText(Long.toString(spec.mix().seed()));
                groups.forEach((group, box) -> box.setChecked(spec.mix().groups().contains(group)));
            }
            paletteSize = spec.paletteSize();
            outlineRgb = spec.outlineRgb();
        } finally {
            loading = false;
        }
        refresh();
        changed.run();
        return notes;
    }

    /** Labels and enabled states that follow the controls. */
    private void refresh() {
        psiValue.setText(String.format("%.2f", psi.getValue()));
        expressions.values().forEach(ExpressionRow::refresh);
        mixSeed.setDisabled(!mix.isChecked());
        groups.values().forEach(box -> box.setDisabled(!mix.isChecked()));
    }
}
