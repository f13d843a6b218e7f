package io.charagen.generator.preset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import io.charagen.generator.image.ImageFiles;
import io.charagen.generator.latent.NumpyRandomState;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.projection.ProjectionListener;
import io.charagen.generator.projection.ProjectionOptions;
import io.charagen.generator.projection.Projector;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Makes preset w values three ways: from a seed (its mapped w), from an image (its projection into
 * W+), or from two folders of labelled images (per layer, the mean projected w of the first folder
 * minus that of the second: a direction that adds the first label's look, applied with mode add).
 */
public final class PresetMaker {

    /** At most this many images are read from each labelled folder. */
    public static final int MAX_IMAGES_PER_FOLDER = 256;

    private final Generator generator;
    private final ModelRef model;
    private final Projector projector;

    /**
     * @param projector projects images for {@link #fromImage} and {@link #fromLabelledFolders}; null for a
     *                  maker that makes presets from seeds only (as for a model that cannot be projected)
     */
    public PresetMaker(Generator generator, ModelRef model, Projector projector) {
        this.generator = generator;
        this.model = model;
        this.projector = projector;
    }

    /** The settings of the preset to make, besides its w values. */
    public record Target(String name, PresetKind kind, String layerGroup, List<Integer> layers, BlendMode mode,
                         double strength, String description) {
    }

    public Preset fromSeed(Target target, long seed, double psi) {
        float[] w;
        try (NDManager scope = NDManager.newBaseManager(generator.device())) {
            NDArray z = scope.create(NumpyRandomState.gaussianLatent(seed, generator.zDim()), new Shape(1, generator.zDim()));
            w = generator.map(z, null, psi, null).toFloatArray();
        }
        JsonObject source = new JsonObject();
        source.addProperty("method", "seed");
        source.addProperty("seed", seed);
        source.addProperty("psi", psi);
        return build(target, w, source);
    }

    public Preset fromImage(Target target, Path image, ProjectionOptions options, ProjectionListener listener,
                            BooleanSupplier cancelled) throws IOException {
        float[] w = project(image, options, listener, cancelled);
        JsonObject source = new JsonObject();
        source.addProperty("method", "image");
        source.addProperty("image", image.getFileName().toString());
        source.addProperty("projection_steps", options.steps());
        return build(target, w, source);
    }

    /** mean(W+ of {@code with}) - mean(W+ of {@code without}), per layer. */
    public Preset fromLabelledFolders(Target target, Path with, Path without, ProjectionOptions options,
                                      ProjectionListener listener, BooleanSupplier cancelled) throws IOException {
        float[] a = meanProjection(with, options, listener, cancelled);
        float[] b = meanProjection(without, options, listener, cancelled);
        float[] difference = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = a[i] - b[i];
        }
        JsonObject source = new JsonObject();
        source.addProperty("method", "labelled");
        source.addProperty("with", with.getFileName().toString());
        source.addProperty("without", without.getFileName().toString());
        source.addProperty("images_with", images(with).size());
        source.addProperty("images_without", images(without).size());
        source.addProperty("projection_steps", options.steps());
        return build(target, difference, source);
    }

    private Preset build(Target t, float[] w, JsonObject source) {
        return new Preset(t.name(), t.kind(), model, t.layerGroup(), t.layers(), t.mode(), t.strength(),
                generator.numWs(), generator.wDim(), w, t.description(), source);
    }

    private float[] meanProjection(Path folder, ProjectionOptions options, ProjectionListener listener,
                                   BooleanSupplier cancelled) throws IOException {
        List<Path> files = images(folder);
        float[] sum = new float[generator.numWs() * generator.wDim()];
        for (Path file : files) {
            float[] w = project(file, options, listener, cancelled);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += w[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= files.size();
        }
        return sum;
    }

    /** The image files (png, jpg, jpeg, gif, bmp) directly in {@code folder}, sorted by name. */
    static List<Path> images(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder of images");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.{png,PNG,jpg,JPG,jpeg,JPEG,gif,GIF,bmp,BMP}")) {
            entries.forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new IOException(folder + ": holds no images (png, jpg, gif or bmp)");
        }
        if (files.size() > MAX_IMAGES_PER_FOLDER) {
            throw new IOException(folder + ": holds " + files.size() + " images; at most " + MAX_IMAGES_PER_FOLDER
                    + " are used for one preset");
        }
        files.sort(null);
        return files;
    }

    private float[] project(Path file, ProjectionOptions options, ProjectionListener listener, BooleanSupplier cancelled)
            throws IOException {
        BufferedImage image = ImageFiles.read(file);
        int size = generator.resolution();
        BufferedImage fitted = fit(image, size);
        float[] target = new float[3 * size * size];
        float[] mask = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int argb = fitted.getRGB(x, y);
                int p = y * size + x;
                mask[p] = (argb >>> 24) >= 128 ? 1f : 0f;
                target[p] = ((argb >> 16) & 0xff) / 127.5f - 1f;
                target[size * size + p] = ((argb >> 8) & 0xff) / 127.5f - 1f;
                target[2 * size * size + p] = (argb & 0xff) / 127.5f - 1f;
            }
        }
        if (projector == null) {
            throw new IllegalStateException("this preset maker for '" + model.name() + "' has no projector: it makes"
                    + " presets from seeds only");
        }
        return projector.project(target, mask, options, listener, cancelled).ws();
    }

    /** The image scaled to fit a size x size square, centred; the uncovered margin is transparent. */
    static BufferedImage fit(BufferedImage image, int size) {
        double scale = Math.min((double) size / image.getWidth(), (double) size / image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image, (size - w) / 2, (size - h) / 2, w, h, null);
        g.dispose();
        return out;
    }
}
