package io.charagen.generator.nn;

import ai.djl.Device;
import io.charagen.generator.FixtureFiles;
import io.charagen.generator.checkpoint.SnapshotExporter;
import io.charagen.generator.model.ModelLoader;

import java.nio.file.Path;

/** Generators for tests, built from the reference fixtures. */
final class TestGenerators {

    private TestGenerators() {
    }

    /** The fixture's G_ema, read from its reference snapshot (.pkl). */
    static Generator fromFixture(String name) throws Exception {
        return ModelLoader.loadGenerator(FixtureFiles.pkl(name), Device.cpu());
    }

    /** The fixture's G_ema after a trip through our bundle format, written under {@code dir}. */
    static Generator fromBundle(String name, Path dir) throws Exception {
        Path card = dir.resolve(name + ".json");
        SnapshotExporter.export(FixtureFiles.pkl(name), card, name, "portrait", false);
        return ModelLoader.loadGenerator(card, Device.cpu());
    }
}
