package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.Actor;
import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.ProgressBar;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Table;
import com.badlogic.gdx.scenes.scene2d.ui.TextButton;
import com.badlogic.gdx.scenes.scene2d.utils.ChangeListener;
import com.badlogic.gdx.utils.Disposable;
import io.charagen.core.CharacterGenerator;
import io.charagen.core.CharacterListener;
import io.charagen.core.GeneratedCharacter;
import io.charagen.core.GenerationRequest;
import io.charagen.desktop.ui.Buttons;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.latent.NumpyRandomState;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Candidates from consecutive seeds, a batch at a time: each cell walks as soon as its sprite is
 * made (sprite-only requests, fractions of a second each), a bar counts the batch, and a click on
 * a cell hands its seed to the editor. The candidates wear the edited character's psi, archetype
 * and mix as they were when the batch was asked for, so what is picked looks like what is edited.
 */
final class CandidateGrid extends Table implements Disposable {

    static final int BATCH = 8;

    private final CharacterGenerator generator;
    private final Supplier<CharacterSpec> template;
    private final LongConsumer picked;
    private final StatusLine status;
    private final List<CandidateCell> cells = new ArrayList<>();
    private final List<GenerationRequest> requests = new ArrayList<>();
    private final ProgressBar progress;
    private final Label counter;
    private final Label range;
    private final TextButton previous;
    private long firstSeed;
    private int finished;

    /**
     * @param template the spec the candidates follow (their seed is replaced), or null while the
     *                 editor's controls do not make one
     */
    CandidateGrid(Skin skin, CharacterGenerator generator, Supplier<CharacterSpec> template, LongConsumer picked,
                  StatusLine status) {
        super(skin);
        this.generator = generator;
        this.template = template;
        this.picked = picked;
        this.status = status;
        setName("candidates");
        left();

        previous = Buttons.of(skin, "< Previous", "previous-batch", () -> showBatch(firstSeed - BATCH));
        TextButton next = Buttons.of(skin, "Next >", "next-batch", () -> showBatch(firstSeed + BATCH));
        range = new Label("", skin, "dim");
        progress = new ProgressBar(0, BATCH, 1, false, skin);
        progress.setName("batch-progress");
        progress.setAnimateDuration(0.15f);
        counter = new Label("", skin, "dim");
        counter.setName("batch-counter");

        // The batch's controls stand in a column left of the cells, to keep the grid one row high.
        Table controls = new Table();
        controls.defaults().left().padBottom(4);
        controls.add(new Label("Candidates", skin, "title")).colspan(2).row();
        controls.add(range).colspan(2).row();
        controls.add(previous).fillX().padRight(4);
        controls.add(next).fillX().row();
        controls.add(progress).colspan(2).growX().row();
        controls.add(counter).colspan(2);
        add(controls).top().left().padRight(12);

        for (int i = 0; i < BATCH; i++) {
            CandidateCell cell = new CandidateCell(skin, i);
            cell.addListener(new ChangeListener() {
                @Override
                public void changed(ChangeEvent event, Actor actor) {
                    pick(cell);
                }
            });
            cells.add(cell);
            add(cell).pad(3).uniform().fill();
        }
    }


    /** Replaces the candidates by seeds {@code first} to {@code first + 7}. */
    void showBatch(long first) {
        CharacterSpec spec = template.get();
        if (spec == null) {
            status.error("fix the controls first: the candidates follow the edited character's psi, archetype and mix");
            return;
        }
        long start = Math.max(0, Math.min(first, NumpyRandomState.MAX_SEED + 1 - BATCH));
        cancelRequests();
        firstSeed = start;
        finished = 0;
        previous.setDisabled(start == 0);
        range.setText("seeds " + start + "-" + (start + BATCH - 1));
        updateProgress();
        for (int i = 0; i < BATCH; i++) {
            CandidateCell cell = cells.get(i);
            long seed = start + i;
            cell.waitFor(seed);
            cell.setChecked(false);
            try {
                requests.add(generator.requestSprite(spec.withNameAndSeed(spec.name(), seed), listener(cell)));
            } catch (RuntimeException e) {
                cell.failed();
                finished++;
                status.error("candidate seed " + seed + ": " + Problems.describe(e));
            }
        }
        updateProgress();
    }

    private CharacterListener listener(CandidateCell cell) {
        long seed = cell.seed();
        return new CharacterListener() {
            @Override
            public void done(GenerationRequest request, GeneratedCharacter character) {
                if (!requests.contains(request)) {
                    character.dispose(); // an older batch's
                    return;
                }
                cell.show(character);
                countOne();
            }

            @Override
            public void failed(GenerationRequest request, Throwable error) {
                if (requests.contains(request)) {
                    cell.failed();
                    countOne();
                    status.error("candidate seed " + seed + ": " + Problems.describe(error));
                }
            }
        };
    }

    private void countOne() {
        finished++;
        updateProgress();
    }

    private void updateProgress() {
        progress.setValue(finished);
        counter.setText(finished < BATCH ? "making " + finished + "/" + BATCH : BATCH + "/" + BATCH + " ready");
    }

    private void pick(CandidateCell cell) {
        for (CandidateCell c : cells) {
            c.setChecked(c == cell);
        }
        if (cell.seed() >= 0) {
            picked.accept(cell.seed());
        }
    }

    /** Marks the candidate with {@code seed}, if this batch has it. */
    void highlight(long seed) {
        for (CandidateCell c : cells) {
            c.setChecked(c.seed() == seed);
        }
    }

    /** Whether every candidate of the batch has been made (or has failed). */
    boolean isComplete() {
        return finished == BATCH;
    }

    long firstSeed() {
        return firstSeed;
    }

    private void cancelRequests() {
        requests.forEach(GenerationRequest::cancel);
        requests.clear();
    }

    @Override
    public void dispose() {
        cancelRequests();
        cells.forEach(CandidateCell::dispose);
    }
}
