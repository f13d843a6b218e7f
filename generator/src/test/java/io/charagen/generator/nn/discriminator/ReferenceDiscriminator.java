package io.charagen.generator.nn.discriminator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.FixtureFiles;
import io.charagen.generator.io.NpyTestReader;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's own Python discriminator (training/charagen_train) on a fixture's {@code D}: it
 * writes a seeded batch of images, every block's output, the logits, and the gradient of a feature
 * distance with respect to the images as .npy files, which the Java network must reproduce. Skips the calling test when /usr/bin/python3 cannot import torch.
 */
final class ReferenceDiscriminator {

    private static final String PYTHON = "/usr/bin/python3";

    /** Batches: "quiet" images in [-1, 1]; "loud" ones in [-300, 300], which reach conv_clamp. */
    private static final String SCRIPT = """
            import sys
            import numpy as np
            import torch
            from charagen_train.checkpoint.reference_pickle import read_snapshot
            from charagen_train.nets import discriminator_from_record

            pkl, out, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
            torch.set_grad_enabled(False)
            d = discriminator_from_record(read_snapshot(pkl)['D'])
            res, ch = d.img_resolution, d.img_channels
            rs = np.random.RandomState(seed)
            for name, scale in (('quiet', 1.0), ('loud', 300.0)):
                images = (rs.uniform(-1, 1, [4, ch, res, res]) * scale).astype(np.float32)
                np.save(f'{out}/{name}-images.npy', images)
                x, img = None, torch.from_numpy(images)
                for i, r in enumerate(d.block_resolutions):
                    x, img = getattr(d, f'b{r}')(x, img)
                    np.save(f'{out}/{name}-features{i}.npy', x.numpy())
                np.save(f'{out}/{name}-logits.npy', d(torch.from_numpy(images), None).numpy())
                np.save(f'{out}/{name}-logits2.npy', d(torch.from_numpy(images[:2]), None).numpy())

            # d/dx of a perceptual distance: sum over blocks of mean((f(x) - f(t))^2), t = x shifted.
            def features(img):
                x, out = None, []
                for r in d.block_resolutions:
                    x, img = getattr(d, f'b{r}')(x, img)
                    out.append(x)
                return out

            quiet = np.load(f'{out}/quiet-images.npy')
            target = np.ascontiguousarray(np.roll(quiet, 5, axis=3))
            np.save(f'{out}/grad-target.npy', target)
            with torch.enable_grad():
                x = torch.from_numpy(quiet).requires_grad_(True)
                reached = features(torch.from_numpy(target))
                loss = sum(((a - b) ** 2).mean() for a, b in zip(features(x), reached))
                loss.backward()
            np.save(f'{out}/grad-loss.npy', loss.detach().reshape(1).numpy())
            np.save(f'{out}/grad-images.npy', x.grad.numpy())
            """;

    private ReferenceDiscriminator() {
    }

    /** Writes the reference outputs for fixture {@code name} into {@code dir}. */
    static void run(String name, Path dir, int seed) throws IOException, InterruptedException {
        Assumptions.assumeTrue(pythonHasTorch(), PYTHON + " cannot import torch: no reference to compare with");
        Path script = dir.resolve("reference_d.py");
        Files.writeString(script, SCRIPT);
        ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), FixtureFiles.pkl(name).toString(),
                dir.toString(), Integer.toString(seed)).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", repoRoot().resolve("training").toString());
        Path log = dir.resolve("reference_d.log");
        Process p = pb.redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the Python reference discriminator did not finish in 300 s on " + name);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("the Python reference discriminator failed on " + name + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /** An array the script wrote, on {@code manager}. */
    static NDArray load(NDManager manager, Path dir, String file) throws IOException {
        NpyTestReader npy = NpyTestReader.parse(Files.readAllBytes(dir.resolve(file + ".npy")));
        return manager.create(npy.floats(), new Shape(npy.shape()));
    }

    /** The repository root: the first folder up from the working directory that holds training/charagen_train. */
    static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("training").resolve("charagen_train"))) {
                return p;
            }
        }
        throw new IllegalStateException("no training/charagen_train above " + Path.of("").toAbsolutePath());
    }

    private static boolean pythonHasTorch() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch, numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
