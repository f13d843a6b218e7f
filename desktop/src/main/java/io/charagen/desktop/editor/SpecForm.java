package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.Actor;
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
import io.charagen.generator.latent.NumpyRandomState;

import java.util.ArrayList;
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
    private final PortraitControls portraits;
    private final MixControls mix;
    private final Runnable changed;
    private final int fewestSteps; // 0 where a head encoder starts the portraits
    private int paletteSize = PALETTE;
    private Integer outlineRgb;
    private boolean loading;

    /**
     * @param presetStrengths each expression preset's own strength; "neutral" may have none
     * @param portraitEncoder whether a head encoder starts the portraits (then 0 steps are allowed)
     * @param changed         called after the user changes anything
     */
    SpecForm(Skin skin, List<String> archetypes, List<String> expressionNames, Map<String, Double> presetStrengths,
             List<String> layerGroups, int projectionSteps, boolean portraitEncoder, Runnable changed) {
        super(skin);
        this.changed = changed;
        this.fewestSteps = portraitEncoder ? 0 : 1;
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
        portraits = new PortraitControls(skin, expressionNames, presetStrengths);
        add(portraits).colspan(2).growX().row();

        add(new Label("Layer mix", skin, "title")).colspan(2).padTop(8).row();
        mix = new MixControls(skin, layerGroups);
        add(mix).colspan(2).row();

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
        List<ExpressionChoice> faces = portraits.choices();
        String chosenArchetype = NO_ARCHETYPE.equals(archetype.getSelected()) ? null : archetype.getSelected();
        return new CharacterSpec(name.getText().trim(), characterSeed, Rounding.hundredths(psi.getValue()), chosenArchetype,
                faces, paletteSize, outlineRgb, projectionSteps(), mix.mix());
    }

    private int projectionSteps() {
        try {
            int n = Integer.parseInt(steps.getText().trim());
            if (n >= fewestSteps && n <= CharacterSpec.MAX_PROJECTION_STEPS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("projection steps '" + steps.getText().trim() + "': expected " + fewestSteps
                + " to " + CharacterSpec.MAX_PROJECTION_STEPS + (fewestSteps == 0 ? " (0: the head encoder's w as it is)"
                : " (no head encoder: the head is projected from w_avg)"));
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
        portraits.check(spec.expressions());
        mix.check(spec.mix());
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
            notes.addAll(portraits.load(spec.expressions()));
            mix.load(spec.mix());
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
        portraits.refresh();
        mix.refresh();
    }
}
