package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.Actor;
import com.badlogic.gdx.scenes.scene2d.ui.CheckBox;
import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Table;
import com.badlogic.gdx.scenes.scene2d.ui.TextField;
import com.badlogic.gdx.scenes.scene2d.utils.ChangeListener;
import io.charagen.core.CharacterGenerator;
import io.charagen.core.GeneratedCharacter;
import io.charagen.desktop.character.RecordModels;
import io.charagen.desktop.ui.Buttons;
import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.io.SafeFiles;
import io.charagen.generator.json.JsonFormatException;
import io.charagen.generator.rpgmaker.ActorLook;
import io.charagen.generator.rpgmaker.ActorsFile;
import io.charagen.generator.rpgmaker.CharacterExport;
import io.charagen.generator.rpgmaker.ExportFolder;
import io.charagen.generator.rpgmaker.Names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the character goes: exported into an RPG Maker MV/MZ project (the command line's safe
 * export: every file checked before any is written, replaced files backed up first), optionally
 * set as one of the project's actors (as {@code generate --actor}), and its record saved or loaded.
 * Nothing that exists is replaced unless "replace" is ticked; Actors.json is changed in place
 * (after a backup) only when an actor is chosen.
 */
final class FilesPanel extends Table {

    private final CharacterGenerator generator;
    private final SpecForm form;
    private final LiveCharacter live;
    private final StatusLine status;
    private final TextField project;
    private final TextField recordPath;
    private final CheckBox replace;
    private final ActorChooser actor;

    FilesPanel(Skin skin, CharacterGenerator generator, SpecForm form, LiveCharacter live, StatusLine status) {
        super(skin);
        this.generator = generator;
        this.form = form;
        this.live = live;
        this.status = status;
        setName("files");
        top().left();
        defaults().left().padBottom(5);

        project = new TextField("", skin);
        project.setName("project");
        project.setMessageText("folder of an RPG Maker MV/MZ project");
        actor = new ActorChooser(skin);
        project.addListener(new ChangeListener() {
            @Override
            public void changed(ChangeEvent event, Actor changed) {
                String text = project.getText().trim();
                try {
                    actor.showActorsOf(text.isEmpty() ? null : expandHome(text));
                } catch (InvalidPathException e) {
                    actor.showActorsOf(null); // still being typed
                }
            }
        });
        recordPath = new TextField("", skin);
        recordPath.setName("record-path");
        recordPath.setMessageText("character record .json");
        replace = new CheckBox(" replace existing files (backup first)", skin);
        replace.setName("replace");

        add(new Label("MV project", skin)).width(84);
        add(project).growX();
        add(Buttons.of(skin, "Export", "export", this::export)).colspan(2).fillX().padLeft(6).row();
        add(new Label("as actor", skin)).width(84);
        add(actor).left().row();
        add(new Label("record", skin)).width(84);
        add(recordPath).growX();
        add(Buttons.of(skin, "Save", "save-record", this::saveRecord)).padLeft(6);
        add(Buttons.of(skin, "Load", "load-record", this::loadRecord)).padLeft(4).row();
        add(replace).colspan(4).padLeft(84);
    }


    private void export() {
        try {
            GeneratedCharacter done = live.finished(form.spec());
            if (done == null) {
                status.error("not finished yet: the export waits for the portraits (" + live.progressText() + ")");
                return;
            }
            String stem = Names.fileStem(form.characterName());
            ExportFolder folder = ExportFolder.rpgMakerProject(typedPath(project, "the RPG Maker MV/MZ project folder"));
            ExportFolder.Plan plan = CharacterExport.plan(folder, stem, List.of(done.art().withName(stem)));
            Integer chosen = actor.chosen();
            ActorsFile actors = null;
            if (chosen != null) {
                actors = ActorsFile.read(folder);
                int face = ActorLook.faceSlot(List.copyOf(done.art().faces().keySet()), null);
                actors.addTo(plan, chosen, CharacterExport.actorLooks(stem, 1, face));
            }
            List<Path> written = folder.commit(plan, replace.isChecked());
            status.info("exported " + stem + " to " + folder.root() + ": " + written.stream()
                    .map(p -> folder.root().relativize(p).toString()).collect(Collectors.joining(", "))
                    + (actors == null ? "" : "; actor " + chosen + " (" + actors.name(chosen) + ") shows " + stem
                    + ": reload the project in RPG Maker (or close it without saving) to see it"));
        } catch (FileAlreadyExistsException e) {
            status.error("export: " + e.getFile() + " already exists; tick 'replace' to replace it (after a backup); "
                    + "nothing was written");
        } catch (IOException | JsonFormatException | RuntimeException e) {
            status.error("export: " + Problems.describe(e));
        }
    }

    private void saveRecord() {
        try {
            CharacterSpec spec = form.spec();
            CharacterRecord record = live.record(spec);
            if (record == null) {
                status.error("nothing to save yet: wait for the sprite");
                return;
            }
            String stem = Names.fileStem(form.characterName());
            Path file = typedPath(recordPath, "the record's file");
            byte[] json = record.withName(stem).toJson().getBytes(StandardCharsets.UTF_8);
            SafeFiles.write(file, replace.isChecked(), out -> out.write(json));
            status.info("saved the record of " + stem + " to " + file.toAbsolutePath()
                    + (live.finished(spec) == null ? " (before its projection finished: no projection loss in it)" : ""));
        } catch (FileAlreadyExistsException e) {
            status.error("save: " + e.getFile() + " already exists; tick 'replace' to replace it");
        } catch (IOException | RuntimeException e) {
            status.error("save: " + Problems.describe(e));
        }
    }

    private void loadRecord() {
        try {
            Path file = typedPath(recordPath, "the record's file");
            CharacterRecord record = CharacterRecord.read(file);
            RecordModels.requireSame(record, generator.spriteModel(), generator.portraitModel());
            RecordModels.requireSameEncoder(record, generator.portraitEncoder());
            List<String> notes = form.load(record.spec());
            status.info("loaded " + record.spec().name() + " from " + file.toAbsolutePath()
                    + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
        } catch (IOException | RuntimeException e) {
            status.error("load: " + Problems.describe(e));
        }
    }

    private static Path typedPath(TextField field, String what) {
        String text = field.getText().trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("type " + what + " first");
        }
        return expandHome(text);
    }

    private static Path expandHome(String text) {
        if (text.equals("~") || text.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(text.substring(1).replaceFirst("^/", ""));
        }
        return Path.of(text);
    }
}
