package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.ui.CheckBox;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Table;
import com.badlogic.gdx.scenes.scene2d.ui.TextField;
import io.charagen.generator.character.LayerMix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Layer-group mixing: whether to mix, the second seed, and which sprite layer groups come from it. */
final class MixControls extends Table {

    private static final int GROUPS_PER_ROW = 3;

    private final CheckBox enabled;
    private final TextField seed;
    private final Map<String, CheckBox> groups = new LinkedHashMap<>();

    MixControls(Skin skin, List<String> layerGroups) {
        super(skin);
        left();
        enabled = new CheckBox(" take layers from seed", skin);
        enabled.setName("mix");
        seed = new TextField("1", skin);
        seed.setName("mix-seed");
        add(enabled).left().padRight(6);
        add(seed).width(110).left().row();
        Table groupRows = new Table();
        for (String group : layerGroups) {
            CheckBox box = new CheckBox(" " + group, skin);
            box.setName("mix-group-" + group);
            groups.put(group, box);
            groupRows.add(box).left().padRight(12).padTop(4);
            if (groups.size() % GROUPS_PER_ROW == 0) {
                groupRows.row();
            }
        }
        add(groupRows).colspan(2).left().padLeft(24);
        refresh();
    }

    /**
     * The mix the controls describe, or null when mixing is off.
     *
     * @throws IllegalArgumentException for a seed that is not one, or no group ticked
     */
    LayerMix mix() {
        if (!enabled.isChecked()) {
            return null;
        }
        long other = Seeds.parse("mix seed", seed.getText());
        List<String> chosen = groups.entrySet().stream().filter(e -> e.getValue().isChecked()).map(Map.Entry::getKey).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("mix with seed " + other + ": tick the layer groups to take from it");
        }
        return new LayerMix(other, chosen);
    }

    /** @throws IllegalArgumentException when {@code mix} names a group the sprite model lacks */
    void check(LayerMix mix) {
        if (mix != null && !groups.keySet().containsAll(mix.groups())) {
            throw new IllegalArgumentException("the record mixes layer groups " + mix.groups()
                    + "; the sprite model has " + String.join(", ", groups.keySet()));
        }
    }

    /** Shows {@code mix} (null: mixing off, the seed and groups kept); {@link #check} it first. */
    void load(LayerMix mix) {
        enabled.setChecked(mix != null);
        if (mix != null) {
            seed.setText(Long.toString(mix.seed()));
            groups.forEach((group, box) -> box.setChecked(mix.groups().contains(group)));
        }
        refresh();
    }

    /** The seed and groups work only while mixing is on. */
    void refresh() {
        seed.setDisabled(!enabled.isChecked());
        groups.values().forEach(box -> box.setDisabled(!enabled.isChecked()));
    }
}
