package io.charagen.desktop.editor;

import com.badlogic.gdx.utils.Disposable;
import io.charagen.core.CharacterGenerator;
import io.charagen.core.CharacterListener;
import io.charagen.core.GeneratedCharacter;
import io.charagen.core.GenerationRequest;
import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.PipelineListener.Stage;

import java.util.Arrays;
import java.util.LinkedHashSet;

/**
 * The edited character, kept up to date with the controls: each new spec cancels what was still
 * being made for the last one and asks for its sprite (walking within a fraction of a second) and
 * then the whole character (its portrait's w and the faces). The faces on show stay until the new
 * ones replace them, so with a head encoder (a whole character in about a second) the portraits
 * follow the controls without blinking. Owns the characters it shows and disposes each once
 * nothing shows it.
 */
final class LiveCharacter implements Disposable {

    private final CharacterGenerator generator;
    private final PreviewPanel preview;
    private final StatusLine status;
    private CharacterSpec wanted;
    private GenerationRequest spriteRequest;
    private GenerationRequest fullRequest;
    /** The character walking in the preview: the sprite of the wanted spec, or of the one before. */
    private GeneratedCharacter walking;
    /** The whole character of the wanted spec, once made; may be the same as walking. */
    private GeneratedCharacter finished;
    /** The character whose faces the preview shows: finished, or an older spec's until finished comes. */
    private GeneratedCharacter portraitsShown;
    private String progressText = "";

    LiveCharacter(CharacterGenerator generator, PreviewPanel preview, StatusLine status) {
        this.generator = generator;
        this.preview = preview;
        this.status = status;
    }

    /** Makes {@code spec} the edited character. A new name alone changes no pixels, so nothing is redrawn. */
    void show(CharacterSpec spec) {
        if (wanted != null && sameDrawing(wanted, spec)) {
            wanted = spec;
            return;
        }
        cancelRequests();
        wanted = spec;
        GeneratedCharacter oldFinished = finished;
        finished = null;
        release(oldFinished);
        if (portraitsShown == null) {
            preview.showNoPortraits("the portraits follow the sprite");
        }
        showProgress("waiting for the sprite", 0, 1);
        try {
            // One worker takes requests in order: the sprite comes first, then the whole character.
            spriteRequest = generator.requestSprite(spec, new Listener(true));
            fullRequest = generator.request(spec, new Listener(false));
        } catch (RuntimeException e) {
            cancelRequests();
            showProgress("not started", 0, 1);
            status.error(Problems.describe(e));
        }
    }

    private static boolean sameDrawing(CharacterSpec a, CharacterSpec b) {
        return a.withNameAndSeed(b.name(), a.seed()).equals(b);
    }

    /** The whole character of the current spec, or null while it is being made (or failed). */
    GeneratedCharacter finished() {
        return finished;
    }

    /** The whole character if it is the one {@code spec} describes (its name aside), else null. */
    GeneratedCharacter finished(CharacterSpec spec) {
        return finished != null && sameDrawing(finished.record().spec(), spec) ? finished : null;
    }

    /**
     * How to make the character {@code spec} describes again: the whole character's record, or
     * while its projection runs the sprite's (without a projection loss); null when neither is
     * {@code spec}'s.
     */
    CharacterRecord record(CharacterSpec spec) {
        GeneratedCharacter made = finished != null ? finished : walking;
        return made != null && sameDrawing(made.record().spec(), spec) ? made.record() : null;
    }

    CharacterSpec wanted() {
        return wanted;
    }

    /** What the whole character is waiting for, as the preview's label says it. */
    String progressText() {
        return progressText;
    }

    private void showProgress(String text, int done, int total) {
        progressText = text;
        preview.progress(text, done, total);
    }

    private final class Listener implements CharacterListener {
        private final boolean spriteOnly;

        Listener(boolean spriteOnly) {
            this.spriteOnly = spriteOnly;
        }

        private boolean current(GenerationRequest request) {
            return request == (spriteOnly ? spriteRequest : fullRequest);
        }

        @Override
        public void done(GenerationRequest request, GeneratedCharacter character) {
            if (!current(request) || (spriteOnly && finished != null)) {
                character.dispose(); // made for an older spec, or the whole character came first
                return;
            }
            GeneratedCharacter oldWalking = walking;
            walking = character;
            preview.showWalk(character);
            if (!spriteOnly) {
                GeneratedCharacter oldFinished = finished;
                GeneratedCharacter oldPortraits = portraitsShown;
                finished = character;
                portraitsShown = character;
                preview.showPortraits(character);
                showProgress(doneLabel(character.record()), 1, 1);
                release(oldFinished);
                release(oldPortraits);
            } else {
                showProgress("sprite ready; portraits queued", 0, 1);
            }
            release(oldWalking);
        }

        @Override
        public void failed(GenerationRequest request, Throwable error) {
            if (current(request)) {
                if (!spriteOnly) {
                    // The faces on show are an older spec's: do not leave them beside this one.
                    GeneratedCharacter oldPortraits = portraitsShown;
                    portraitsShown = null;
                    preview.showNoPortraits("no portraits: making the character failed");
                    release(oldPortraits);
                }
                showProgress("failed", 0, 1);
                status.error((spriteOnly ? "sprite: " : "character: ") + Problems.describe(error));
            }
        }

        @Override
        public void progress(GenerationRequest request, Stage stage, int done, int total) {
            if (current(request) && !spriteOnly && finished == null) {
                showProgress(stage.label() + " " + done + "/" + total, done, total);
            }
        }
    }

    /** Disposes {@code character} unless the preview still shows it (walking, finished or its faces). */
    private void release(GeneratedCharacter character) {
        if (character != null && character != walking && character != finished && character != portraitsShown) {
            character.dispose();
        }
    }

    private void cancelRequests() {
        if (spriteRequest != null) {
            spriteRequest.cancel();
        }
        if (fullRequest != null) {
            fullRequest.cancel();
        }
        spriteRequest = null;
        fullRequest = null;
    }

    @Override
    public void dispose() {
        cancelRequests();
        preview.showWalk(null);
        GeneratedCharacter w = walking;
        GeneratedCharacter f = finished;
        GeneratedCharacter p = portraitsShown;
        walking = null;
        finished = null;
        portraitsShown = null;
        for (GeneratedCharacter c : new LinkedHashSet<>(Arrays.asList(w, f, p))) {
            if (c != null) {
                c.dispose();
            }
        }
    }

    /** What the portraits' progress bar says once a character is done: how its portrait w was found. */
    private static String doneLabel(CharacterRecord record) {
        return switch (record.portraitPath()) {
            case ENCODER -> "done (head encoder)";
            case ENCODER_REFINEMENT -> String.format("done (head encoder, refined: loss %.4f)", record.projectionLoss());
            case PROJECTION -> String.format("done (projection loss %.4f)", record.projectionLoss());
        };
    }
}
