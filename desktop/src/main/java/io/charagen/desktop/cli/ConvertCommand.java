package io.charagen.desktop.cli;

import io.charagen.generator.checkpoint.SnapshotExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code charagen convert}: a reference snapshot's G_ema to a charagen bundle (.safetensors + .json card). */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Turns a StyleGAN2/3 training snapshot (.pkl) into a charagen model bundle: "
                + "OUT.json (model card) beside OUT.safetensors (G_ema's weights under reference names).")
final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "SNAPSHOT.pkl", description = "The snapshot to read.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "OUT.json", description = "The model card to write.")
    Path out;

    @Option(names = "--name", required = true, description = "The model's name, recorded in its card.")
    String name;

    @Option(names = "--kind", required = true, paramLabel = "sprite|portrait", description = "What the model draws.")
    String kind;

    @Option(names = "--force", description = "Replace a bundle that already exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (!out.getFileName().toString().endsWith(".json")) {
            throw new IllegalArgumentException("--out " + out + ": the model card's name must end in .json");
        }
        Path weights = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", ".safetensors"));
        for (Path existing : new Path[] {out, weights}) {
            if (!force && Files.exists(existing)) {
                throw new IllegalArgumentException(existing + " already exists (use --force to replace it)");
            }
        }
        SnapshotExporter.export(model, out, name, kind, force);
        System.err.println("charagen: wrote " + out);
        return 0;
    }
}
