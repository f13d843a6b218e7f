package io.charagen.desktop.cli;

import java.nio.file.Path;

/** Where charagen is installed: the launcher passes it as -Dcharagen.home; else the working folder. */
final class Home {

    private Home() {
    }

    static Path root() {
        return Path.of(System.getProperty("charagen.home", "."));
    }

    /** The shipped model bundles. */
    static Path models() {
        return root().resolve("assets").resolve("models");
    }

    /** The shipped presets. */
    static Path presets() {
        return root().resolve("presets");
    }
}
