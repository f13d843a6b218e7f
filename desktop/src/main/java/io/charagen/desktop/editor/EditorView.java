package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.ScrollPane;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Table;
import com.badlogic.gdx.utils.Disposable;
import io.charagen.core.CharacterGenerator;
import io.charagen.desktop.character.FaceOrder;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The editor once its models are loaded: the candidate grid across the top, the controls on the
 * left, the live preview and the export on the right, the status line at the bottom. Control
 * changes reach the preview through a short {@link Debounce}.
 */
final class EditorView implements Disposable {

    static final float DEBOUNCE_SECONDS = 0.3f;

    private final Table root;
    private final ScrollPane scroll;
    private final StatusLine status;
    private final SpecForm form;
    private final PreviewPanel preview;
    private final LiveCharacter live;
    private final CandidateGrid grid;
    private final FilesPanel files;
    private final Debounce debounce;

    /** @param presetStrengths each expression preset's own strength */
    EditorView(Skin skin, CharacterGenerator generator, Map<String, Double> presetStrengths, int projectionSteps,
               String models) {
        status = new StatusLine(skin);
        debounce = new Debounce(DEBOUNCE_SECONDS, this::regenerate);
        List<String> faces = new ArrayList<>(generator.expressions());
        if (!faces.contains(ExpressionChoice.BASE)) {
            faces.add(ExpressionChoice.BASE);
        }
        form = new SpecForm(skin, generator.archetypes(), FaceOrder.sorted(faces), presetStrengths,
                generator.spriteLayerGroups(), projectionSteps, generator.portraitEncoder() != null, this::formChanged);
        preview = new PreviewPanel(skin);
        live = new LiveCharacter(generator, preview, status);
        grid = new CandidateGrid(skin, generator, this::specOrNull, form::setSeed, status);
        files = new FilesPanel(skin, generator, form, live, status);

        Table content = new Table(skin);
        content.pad(10).top().left();
        content.add(panel(skin, grid)).colspan(2).growX().padBottom(8).row();

        content.add(panel(skin, form)).top().left().growY().padRight(8);
        Table right = new Table();
        right.add(panel(skin, preview)).grow().padBottom(8).row();
        right.add(panel(skin, files)).growX();
        content.add(right).grow().row();

        Table statusBar = new Table(skin);
        statusBar.setBackground("panel");
        // The status gives way (with an ellipsis) rather than widening the window's layout.
        statusBar.add(status).minWidth(0).prefWidth(0).growX().pad(4, 8, 4, 8);
        statusBar.add(new Label(models, skin, "dim")).right().pad(4, 8, 4, 8);
        content.add(statusBar).colspan(2).growX().padTop(8);

        // A window smaller than the layout scrolls instead of cutting panels off.
        scroll = new ScrollPane(content, skin, "plain");
        scroll.setFlickScroll(false);
        scroll.setFadeScrollBars(false);
        root = new Table(skin);
        root.setFillParent(true);
        root.setBackground("background");
        root.add(scroll).grow();
    }

    private static Table panel(Skin skin, Table content) {
        Table panel = new Table(skin);
        panel.setBackground("panel");
        panel.add(content).grow().pad(10);
        return panel;
    }

    Table root() {
        return root;
    }

    /** Fills the grid and starts the first character; call once the root is on the stage. */
    void start() {
        root.getStage().setScrollFocus(scroll); // the mouse wheel scrolls a window smaller than the layout
        grid.showBatch(0);
        regenerate();
        status.info("making candidates from seed 0: click one to edit it, or set the seed yourself");
    }

    /** Called every frame. */
    void update(float delta) {
        debounce.update(delta);
    }

    private void formChanged() {
        try {
            form.spec();
            debounce.touch();
        } catch (IllegalArgumentException e) {
            debounce.cancel();
            status.error(e.getMessage());
        }
    }

    private void regenerate() {
        CharacterSpec spec;
        try {
            spec = form.spec();
        } catch (IllegalArgumentException e) {
            status.error(e.getMessage());
            return;
        }
        if (status.showsError()) {
            status.info("");
        }
        preview.caption(describe(spec));
        grid.highlight(spec.seed());
        live.show(spec);
    }

    private static String describe(CharacterSpec spec) {
        StringBuilder text = new StringBuilder("seed " + spec.seed() + String.format(", psi %.2f", spec.psi()));
        if (spec.archetype() != null) {
            text.append(", ").append(spec.archetype());
        }
        if (spec.mix() != null) {
            text.append(", ").append(String.join("+", spec.mix().groups())).append(" from seed ").append(spec.mix().seed());
        }
        return text.toString();
    }

    private CharacterSpec specOrNull() {
        try {
            return form.spec();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    StatusLine status() {
        return status;
    }

    CandidateGrid grid() {
        return grid;
    }

    SpecForm form() {
        return form;
    }

    LiveCharacter live() {
        return live;
    }

    /** Whether a control change is still waiting for its debounce. */
    boolean isSettling() {
        return debounce.isWaiting();
    }

    @Override
    public void dispose() {
        debounce.cancel();
        grid.dispose();
        live.dispose();
    }
}
