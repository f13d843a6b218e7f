package io.charagen.desktop.cli;

import io.charagen.generator.image.ImageConversion;
import io.charagen.generator.io.NpyWriter;
import io.charagen.generator.io.SafeFiles;
import io.charagen.generator.latent.SeedRange;
import io.charagen.generator.model.ModelLoader;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.nn.ImageTransform;
import io.charagen.generator.sample.SampleBatch;
import io.charagen.generator.sample.SampleOptions;
import io.charagen.generator.sample.Sampler;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code charagen sample}: seeds through a generator, the way the reference gen_images.py draws them. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Draws images from a model: z = numpy RandomState(seed).randn(1, z_dim), so a seed means "
                + "what it means in the reference gen_images.py.",
                "A StyleGAN3 network is drawn with the input transform its file stores (gen_images.py resets it "
                        + "to the identity); --rotate and --translate move the image from that framing, which for "
                        + "a network stored unmoved is what gen_images.py does.",
                "Outputs for several seeds are stacked along the first axis (.npy) or laid out as a grid (.png)."})
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "PATH",
            description = "A reference snapshot (.pkl) or a charagen bundle (.json or .safetensors).")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Seeds seeds;

    static final class Seeds {
        @Option(names = "--seed", paramLabel = "N", description = "One seed, 0 <= N < 2^32.")
        Long seed;

        @Option(names = "--seeds", paramLabel = "A-B", description = "Seeds A to B inclusive, as one batch.")
        String range;

        List<Long> list() {
            return seed != null ? SeedRange.parse("--seed", Long.toString(seed)) : SeedRange.parse("--seeds", range);
        }
    }

    @Option(names = "--psi", defaultValue = "1", paramLabel = "F", description = "Truncation psi (default ${DEFAULT-VALUE}).")
    double psi;

    @Option(names = "--cutoff", paramLabel = "K", description = "Truncate only the first K ws layers (default: all).")
    Integer cutoff;

    @Option(names = "--class", paramLabel = "C", description = "Class index, for conditional models.")
    Integer classIndex;

    @Option(names = "--translate", paramLabel = "X,Y",
            description = "Move a StyleGAN3 image by (X, Y), in units of the image's width, from the framing its "
                    + "file stores (after --rotate).")
    String translate;

    @Option(names = "--rotate", paramLabel = "DEG",
            description = "Rotate a StyleGAN3 image by DEG degrees from the framing its file stores.")
    Double rotate;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu", description = "Where to run (default ${DEFAULT-VALUE}).")
    DeviceOption device;

    @Option(names = "--batch", paramLabel = "N",
            description = "Seeds per forward pass (default: 8 for models up to 128x128, else 1: a 256x256 StyleGAN3 "
                    + "needs about 1 GiB per seed in a pass, and batching barely speeds it up on a CPU).")
    Integer batch;

    @Option(names = "--npy", paramLabel = "OUT.npy", description = "Raw synthesis output [N, C, H, W] float32 (noise const, unclamped).")
    Path npy;

    @Option(names = "--ws-npy", paramLabel = "OUT.npy", description = "The ws [N, num_ws, w_dim] float32.")
    Path wsNpy;

    @Option(names = "--png", paramLabel = "OUT.png", description = "The image; several seeds make a grid, 8 per row.")
    Path png;

    @Option(names = "--force", description = "Replace output files that already exist.")
    boolean force;

    /**
     * The move from --rotate and --translate, or null to draw the network as stored. Unlike
     * gen_images.py, which overwrites a StyleGAN3 input's transform, the move is composed with the
     * stored one (ImageTransform); for a network stored with the identity the two agree.
     */
    private ImageTransform imageTransform(Generator generator) {
        boolean given = translate != null || rotate != null;
        if (!given) {
            return null;
        }
        if (!generator.architecture().isStyleGan3()) {
            throw new IllegalArgumentException("--translate and --rotate need a StyleGAN3 model; this one is "
                    + generator.architecture().cardName());
        }
        double tx = 0;
        double ty = 0;
        if (translate != null) {
            String[] parts = translate.split(",");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                tx = Double.parseDouble(parts[0].trim());
                ty = Double.parseDouble(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--translate '" + translate + "': expected two numbers X,Y");
            }
        }
        return new ImageTransform(tx, ty, rotate == null ? 0 : rotate);
    }

    @Override
    public Integer call() throws Exception {
        List<Long> seedList = seeds.list();
        if (npy == null && wsNpy == null && png == null) {
            throw new IllegalArgumentException("nothing to write: give --npy, --ws-npy and/or --png");
        }
        for (Path out : new Path[] {npy, wsNpy, png}) {
            if (out != null && !force && Files.exists(out)) {
                throw new IllegalArgumentException(out + " already exists (use --force to replace it)");
            }
        }
        try (Generator generator = ModelLoader.loadGenerator(model, device.toDevice())) {
            int seedsPerPass = batch != null ? batch : generator.resolution() <= 128 ? 8 : 1;
            SampleOptions options = new SampleOptions(psi, cutoff, classIndex, seedsPerPass, imageTransform(generator));
            List<SampleBatch> batches = new ArrayList<>();
            int[] done = {0};
            new Sampler(generator).sample(seedList, options, b -> {
                batches.add(b);
                done[0] += b.size();
                System.err.printf("charagen: %d/%d seeds%n", done[0], seedList.size());
            });
            SampleBatch all = Stacking.stack(batches);
            if (npy != null) {
                NpyWriter.write(npy, all.imageShape(), all.images());
            }
            if (wsNpy != null) {
                NpyWriter.write(wsNpy, all.wsShape(), all.ws());
            }
            if (png != null) {
                var image = ImageConversion.grid(all.images(), all.imageShape(), 8);
                SafeFiles.write(png, true, out -> ImageIO.write(image, "png", out));
            }
        }
        return 0;
    }
}
