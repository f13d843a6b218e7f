package io.charagen.generator.sheet;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.charagen.generator.checkpoint.Architecture;
import io.charagen.generator.checkpoint.ModelCard;
import io.charagen.generator.checkpoint.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Rectangle;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SheetLayoutTest {

    @Test
    void readsTheTrainingLayout() {
        SheetLayout layout = TrainingLayouts.parsed();
        assertEquals(256, layout.canvasWidth());
        assertEquals(64, layout.cellHeight());
        assertEquals(new Rectangle(8, 14, 48, 48), layout.frameWindow());
        assertEquals(TrainingLayouts.BACKGROUND, layout.background().getAsInt());
        assertEquals(3, layout.extraColumn().getAsInt());
        for (Direction d : Direction.values()) {
            assertEquals(d.ordinal(), layout.row(d), d.key());
            for (int p = 0; p < 3; p++) {
                assertEquals(new Rectangle(p * 64 + 8, d.ordinal() * 64 + 14, 48, 48), layout.frameBounds(d, p),
                        d.key() + " pattern " + p);
            }
            assertEquals(Optional.of(new Rectangle(3 * 64 + 8, d.ordinal() * 64 + 14, 48, 48)), layout.extraBounds(d));
        }
    }

    @Test
    void followsShuffledRowsAndColumns() {
        JsonObject json = TrainingLayouts.version1();
        json.add("rows", JsonParser.parseString("[\"up\", \"right\", \"down\", \"left\"]"));
        json.add("columns", JsonParser.parseString("[{\"pattern\": 2}, {\"pattern\": null}, {\"pattern\": 0}, {\"pattern\": 1}]"));
        json.add("background", com.google.gson.JsonNull.INSTANCE);
        SheetLayout layout = SheetLayout.fromJson(json, 256, "shuffled");
        assertEquals(new Rectangle(2 * 64 + 8, 2 * 64 + 14, 48, 48), layout.frameBounds(Direction.DOWN, 0));
        assertEquals(new Rectangle(8, 14, 48, 48), layout.frameBounds(Direction.UP, 2));
        assertEquals(new Rectangle(64 + 8, 3 * 64 + 14, 48, 48), layout.extraBounds(Direction.LEFT).orElseThrow());
        assertTrue(layout.background().isEmpty(), "null background means: estimate it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "version 2|version|{\"version\": 2}",
            "version as text|version|{\"version\": \"1\"}",
            "version fractional|version|{\"version\": 1.5}",
            "canvas not the resolution|canvas|{\"canvas\": [128, 128]}",
            "canvas one number|canvas|{\"canvas\": [256]}",
            "cell as text|cell[0]|{\"cell\": [\"64\", 64]}",
            "cell zero|cell|{\"cell\": [0, 64]}",
            "cells past the canvas|rows|{\"cell\": [64, 80]}",
            "unknown direction|rows[2]|{\"rows\": [\"down\", \"left\", \"north\", \"up\"]}",
            "repeated direction|rows[3]|{\"rows\": [\"down\", \"left\", \"right\", \"left\"]}",
            "three rows|rows|{\"rows\": [\"down\", \"left\", \"right\"]}",
            "pattern 3|columns[2].pattern|{\"columns\": [{\"pattern\": 0}, {\"pattern\": 1}, {\"pattern\": 3}]}",
            "repeated pattern|columns[2].pattern|{\"columns\": [{\"pattern\": 0}, {\"pattern\": 1}, {\"pattern\": 1}]}",
            "missing pattern|columns|{\"columns\": [{\"pattern\": 0}, {\"pattern\": 1}, {\"pattern\": null}]}",
            "two extra columns|columns[3].pattern|{\"columns\": [{\"pattern\": 0}, {\"pattern\": 1}, {\"pattern\": null}, {\"pattern\": null}]}",
            "column without pattern|columns[1].pattern|{\"columns\": [{\"pattern\": 0}, {}, {\"pattern\": 2}]}",
            "too many columns|columns|{\"columns\": [{\"pattern\": 0}, {\"pattern\": 1}, {\"pattern\": 2}, {\"x\": 1}, {\"x\": 2}]}",
            "window past the cell|frame_window|{\"frame_window\": {\"x\": 20, \"y\": 14, \"width\": 48, \"height\": 48}}",
            "window negative|frame_window|{\"frame_window\": {\"x\": -1, \"y\": 14, \"width\": 48, \"height\": 48}}",
            "window without width|frame_window.width|{\"frame_window\": {\"x\": 8, \"y\": 14, \"height\": 48}}",
            "window as array|frame_window|{\"frame_window\": [8, 14, 48, 48]}",
            "background out of range|background[1]|{\"background\": [0, 256, 121]}",
            "background two numbers|background|{\"background\": [0, 255]}",
    })
    void badFieldsAreNamed(String name, String field, String patch) {
        JsonObject json = TrainingLayouts.version1();
        JsonParser.parseString(patch).getAsJsonObject().entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SheetLayout.fromJson(json, 256, "card.json layout"), name);
        assertTrue(e.getMessage().startsWith("card.json layout: "), e.getMessage());
        assertTrue(e.getMessage().contains("'" + field + "'"), name + ": expected field '" + field + "' in: " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"version", "canvas", "cell", "rows", "columns", "frame_window", "background"})
    void missingFieldsAreNamed(String field) {
        JsonObject json = TrainingLayouts.version1();
        json.remove(field);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SheetLayout.fromJson(json, 256, "card.json layout"));
        assertTrue(e.getMessage().contains("'" + field + "' is missing"), e.getMessage());
    }

    @Test
    void extraKeysAreIgnored() {
        JsonObject json = TrainingLayouts.version1();
        json.addProperty("notes", "anything");
        assertEquals(TrainingLayouts.parsed().frameWindow(), SheetLayout.fromJson(json, 256, "x").frameWindow());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"64, 64, 21, 16", "256, 256, 85, 64", "144, 192, 48, 48", "3, 4, 1, 1"})
    void dollarSheetFrames(int width, int height, int frameWidth, int frameHeight) {
        SheetLayout layout = SheetLayout.dollarSheet(width, height);
        assertTrue(layout.background().isEmpty());
        assertFalse(layout.hasExtra());
        for (Direction d : Direction.values()) {
            assertTrue(layout.extraBounds(d).isEmpty());
            for (int p = 0; p < 3; p++) {
                Rectangle r = layout.frameBounds(d, p);
                assertEquals(new Rectangle(p * frameWidth, d.ordinal() * frameHeight, frameWidth, frameHeight), r,
                        d.key() + " pattern " + p);
                assertTrue(new Rectangle(0, 0, width, height).contains(r));
            }
        }
    }

    @Test
    void dollarSheetRefusesTinyImages() {
        assertThrows(IllegalArgumentException.class, () -> SheetLayout.dollarSheet(2, 64));
        assertThrows(IllegalArgumentException.class, () -> SheetLayout.dollarSheet(64, 3));
    }

    @Test
    void forCardChoosesTheCardsLayoutOrTheDollarSheet() {
        Consumer<SheetLayout> isTraining = l -> assertEquals(new Rectangle(8, 14, 48, 48), l.frameWindow());
        isTraining.accept(SheetLayout.forCard(card(ModelKind.SPRITE, 256, TrainingLayouts.version1())));
        SheetLayout plain = SheetLayout.forCard(card(ModelKind.SPRITE, 64, null));
        assertEquals(new Rectangle(21, 16, 21, 16), plain.frameBounds(Direction.LEFT, 1));
        IllegalArgumentException wrongSize = assertThrows(IllegalArgumentException.class,
                () -> SheetLayout.forCard(card(ModelKind.SPRITE, 128, TrainingLayouts.version1())));
        assertTrue(wrongSize.getMessage().contains("model card 'm' layout: field 'canvas'"), wrongSize.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SheetLayout.forCard(card(ModelKind.PORTRAIT, 64, null)));
    }

    private static ModelCard card(ModelKind kind, int resolution, JsonObject layout) {
        return new ModelCard("m", kind, Architecture.STYLEGAN2, Map.of(), resolution, 512, 512, 12, 3, null, layout,
                null, null, null, null);
    }
}
