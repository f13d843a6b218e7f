package io.charagen.generator.nn.discriminator;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.checkpoint.ReferenceSnapshot;
import io.charagen.generator.checkpoint.ReferenceSnapshotReader;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.FeatureExtractor;
import io.charagen.generator.nn.Kwargs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The StyleGAN2 residual discriminator (Karras et al. 2020, Figure 7c), as StyleGAN2-ADA and
 * StyleGAN3 train it, built from the {@code D} of a reference snapshot: blocks {@code b<res>} from
 * the image resolution down to 8x8, each halving the resolution, then the 4x4 epilogue {@code b4}.
 * It owns its weights (on one device) until {@link #close()}.
 *
 * <p>As a {@link FeatureExtractor} it gives the output of every block, which depends only on its
 * own image (the epilogue's minibatch standard deviation, which mixes samples, is left out). Passes
 * create their results on the images' manager and are differentiable with respect to the images.
 * Layers the reference runs in float16 ({@code num_fp16_res}) run in float32 here; activations
 * are clamped to {@code conv_clamp} where the reference clamps them.
 */
public final class Discriminator implements FeatureExtractor, AutoCloseable {

    /** The snapshot entry that holds the discriminator. */
    public static final String SNAPSHOT_KEY = "D";

    private final NDManager manager;
    private final int resolution;
    private final int imgChannels;
    private final List<DiscriminatorBlock> blocks;
    private final DiscriminatorEpilogue epilogue;
    private boolean closed;

    private Discriminator(NDManager manager, int resolution, int imgChannels, List<DiscriminatorBlock> blocks,
                          DiscriminatorEpilogue epilogue) {
        this.manager = manager;
        this.resolution = resolution;
        this.imgChannels = imgChannels;
        this.blocks = List.copyOf(blocks);
        this.epilogue = epilogue;
    }

    /** The discriminator record of a reference snapshot, if it has one. */
    public static Optional<NetworkRecord> fromSnapshot(ReferenceSnapshot snapshot) {
        return snapshot.network(SNAPSHOT_KEY);
    }

    /** Reads a reference snapshot (.pkl) and builds its discriminator on {@code device}. */
    public static Discriminator read(Path pkl, Device device) throws CheckpointException {
        ReferenceSnapshot snapshot = ReferenceSnapshotReader.read(pkl);
        NetworkRecord d = fromSnapshot(snapshot).orElseThrow(() -> new CheckpointException(snapshot.source()
                + ": the snapshot has no discriminator ('" + SNAPSHOT_KEY + "'); its keys are " + snapshot.keys()));
        return create(d, device);
    }

    /**
     * Builds the network on {@code device}, checking every tensor it uses against the shape the
     * kwargs imply. Only the unconditional 'resnet' architecture with leaky ReLU is supported.
     */
    public static Discriminator create(NetworkRecord network, Device device) throws CheckpointException {
        StateDict state = network.stateDict();
        String source = state.source();
        Kwargs kwargs = new Kwargs(source, network.initKwargs());
        if (!state.contains("b4.out.weight")) {
            throw new CheckpointException(source + ": '" + network.className()
                    + "' is not a StyleGAN2 discriminator (it has no tensor 'b4.out.weight')");
        }
        int cDim = kwargs.getInt("c_dim", 0);
        if (cDim != 0) {
            throw new CheckpointException(source + ": the discriminator is conditional (c_dim " + cDim
                    + "); only unconditional discriminators (c_dim 0) are supported");
        }
        String architecture = kwargs.getString("architecture", "resnet");
        if (!architecture.equals("resnet")) {
            throw new CheckpointException(source + ": discriminator architecture '" + architecture
                    + "' is not supported; only 'resnet' (the StyleGAN2-ADA and StyleGAN3 default) is");
        }
        int resolution = kwargs.getInt("img_resolution");
        if (resolution < 8 || Integer.bitCount(resolution) != 1) {
            throw new CheckpointException(source + ": kwarg 'img_resolution' is " + resolution
                    + ", expected a power of two of at least 8");
        }
        int imgChannels = kwargs.getInt("img_channels");
        int channelBase = kwargs.getInt("channel_base", 32768);
        int channelMax = kwargs.getInt("channel_max", 512);
        Double convClamp = kwargs.getNullableDouble("conv_clamp", null);
        requireLeakyRelu(kwargs.getNested("block_kwargs"));
        Kwargs epilogueKwargs = kwargs.getNested("epilogue_kwargs");
        requireLeakyRelu(epilogueKwargs);
        Integer groupSize = groupSize(epilogueKwargs, source);
        int mbstdChannels = epilogueKwargs.getInt("mbstd_num_channels", 1);
        int channels4 = channels(4, channelBase, channelMax);
        if (mbstdChannels < 0 || (mbstdChannels > 0 && channels4 % mbstdChannels != 0)) {
            throw new CheckpointException(source + ": epilogue kwarg 'mbstd_num_channels' is " + mbstdChannels
                    + ", expected 0 or a divisor of the 4x4 channel count " + channels4);
        }

        NDManager manager = NDManager.newBaseManager(device);
        try {
            List<DiscriminatorBlock> blocks = new ArrayList<>();
            for (int res = resolution; res >= 8; res /= 2) {
                int tmp = channels(res, channelBase, channelMax);
                blocks.add(new DiscriminatorBlock(manager, state, res, res == resolution ? 0 : tmp, tmp,
                        channels(res / 2, channelBase, channelMax), imgChannels, convClamp));
            }
            MinibatchStd mbstd = mbstdChannels > 0 ? new MinibatchStd(groupSize, mbstdChannels) : null;
            DiscriminatorEpilogue epilogue = new DiscriminatorEpilogue(manager, state, channels4, mbstd,
                    mbstdChannels, convClamp);
            return new Discriminator(manager, resolution, imgChannels, blocks, epilogue);
        } catch (CheckpointException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The reference's channel count at a resolution: min(channel_base / res, channel_max). */
    private static int channels(int res, int channelBase, int channelMax) {
        return Math.min(channelBase / res, channelMax);
    }

    private static void requireLeakyRelu(Kwargs kwargs) throws CheckpointException {
        String activation = kwargs.getString("activation", "lrelu");
        if (!activation.equals("lrelu")) {
            throw new CheckpointException("discriminator activation '" + activation
                    + "' is not supported; only 'lrelu' is");
        }
    }

    /** mbstd_group_size: 4 when absent, null (the whole batch) when given as None. */
    private static Integer groupSize(Kwargs epilogueKwargs, String source) throws CheckpointException {
        Double g = epilogueKwargs.getNullableDouble("mbstd_group_size", 4.0);
        if (g == null) {
            return null;
        }
        if (g < 1 || g != Math.rint(g)) {
            throw new CheckpointException(source + ": epilogue kwarg 'mbstd_group_size' is " + g
                    + ", expected a positive integer or None");
        }
        return g.intValue();
    }

    /** The image side the network reads. */
    @Override
    public int resolution() {
        return resolution;
    }

    public int imgChannels() {
        return imgChannels;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** How many arrays the network's own manager holds (its weights); a pass must not add any. */
    int ownedArrayCount() {
        return manager.getManagedArrays().size();
    }

    /**
     * The output of every block, highest resolution first: for a network of resolution R, element i
     * is block {@code b<R / 2^i>}'s output [N, C_i, R / 2^(i+1), R / 2^(i+1)], the last one the 4x4
     * features the epilogue reads. images [N, img_channels, R, R], in [-1, 1].
     */
    @Override
    public NDList features(NDArray images) {
        NDArray x = checkImages(images);
        NDList out = new NDList(blocks.size());
        for (DiscriminatorBlock block : blocks) {
            x = block.forward(out.isEmpty() ? null : x, images);
            out.add(x);
        }
        return out;
    }

    /**
     * The discriminator's logits [N, 1] for images [N, img_channels, R, R]. N must be a multiple of
     * the minibatch standard deviation's group size min(mbstd_group_size, N).
     */
    public NDArray logits(NDArray images) {
        epilogue.checkBatch(checkImages(images).getShape().get(0));
        NDList features = features(images);
        return epilogue.forward(features.get(features.size() - 1));
    }

    private NDArray checkImages(NDArray images) {
        if (closed) {
            throw new IllegalStateException("discriminator is closed");
        }
        Shape s = images.getShape();
        if (s.dimension() != 4 || s.get(1) != imgChannels || s.get(2) != resolution || s.get(3) != resolution
                || s.get(0) < 1) {
            throw new IllegalArgumentException("images have shape " + s + ", expected [N, " + imgChannels + ", "
                    + resolution + ", " + resolution + "]");
        }
        if (images.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("images are " + images.getDataType() + ", expected float32");
        }
        return images;
    }

    /** Frees the weights; safe to call more than once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}
