package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.ui.SelectBox;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import io.charagen.generator.json.JsonFormatException;
import io.charagen.generator.rpgmaker.ActorsFile;
import io.charagen.generator.rpgmaker.ExportFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which actor of the project the export sets to the character: "no actor", then the actors of the
 * project's data/Actors.json by number and name. Item k is actor k.
 */
final class ActorChooser extends SelectBox<String> {

    static final String NONE = "no actor";

    ActorChooser(Skin skin) {
        super(skin);
        setName("actor");
        setItems(NONE);
    }

    /**
     * Lists the actors of the project at {@code project}; only "no actor" where it is null, not a
     * project, or its Actors.json cannot be read (the export says why when an actor is asked for). The
     * chosen actor stays chosen while it exists.
     */
    void showActorsOf(Path project) {
        int chosen = getSelectedIndex();
        List<String> items = List.of(NONE);
        try {
            if (project != null) {
                items = items(ActorsFile.read(ExportFolder.rpgMakerProject(project)));
            }
        } catch (IllegalArgumentException | JsonFormatException e) {
            // not (yet) a project with actors: nothing to choose
        }
        setItems(items.toArray(String[]::new));
        setSelectedIndex(chosen > 0 && chosen < items.size() ? chosen : 0);
    }

    /** The chosen actor's number, or null for none. */
    Integer chosen() {
        int index = getSelectedIndex();
        return index > 0 ? index : null;
    }

    /** "no actor", then "N: name" for each actor. */
    static List<String> items(ActorsFile actors) {
        List<String> items = new ArrayList<>(List.of(NONE));
        for (int id = 1; id <= actors.count(); id++) {
            String name = actors.name(id).strip();
            items.add(id + (name.isEmpty() ? "" : ": " + name));
        }
        return items;
    }
}
