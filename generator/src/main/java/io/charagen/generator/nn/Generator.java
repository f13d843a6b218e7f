package io.charagen.generator.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.charagen.generator.checkpoint.Architecture;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.checkpoint.PaletteRecord;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.stylegan2.StyleGan2Synthesis;
import io.charagen.generator.nn.stylegan3.StyleGan3Synthesis;

import java.util.Arrays;

/**
 * A StyleGAN generator, G = g o f: the mapping network and the synthesis network built from a
 * checkpoint's kwargs and tensors, and, for a bundle that draws classes instead of RGB, its
 * {@link PaletteOutput}. It owns their weights (on one device) until {@link #close()}.
 *
 * <p>Forward passes create their results on the manager of their input arrays, so a caller that
 * opens a sub-manager per unit of work frees everything the pass made when it closes it.
 */
public final class Generator implements AutoCloseable {

    private final NDManager manager;
    private final Architecture architecture;
    private final MappingNetwork mapping;
    private final SynthesisNetwork synthesis;
    private final PaletteOutput palette; // null: the synthesis network draws RGB
    private boolean closed;

    private Generator(NDManager manager, Architecture architecture, MappingNetwork mapping,
                      SynthesisNetwork synthesis, PaletteOutput palette) {
        this.manager = manager;
        this.architecture = architecture;
        this.mapping = mapping;
        this.synthesis = synthesis;
        this.palette = palette;
    }

    /**
     * Builds an RGB generator on {@code device}, checking every tensor's shape against the kwargs.
     * A bundle with a palette output needs {@link #create(NetworkRecord, PaletteRecord, Device)}.
     */
    public static Generator create(NetworkRecord network, Device device) throws CheckpointException {
        return create(network, null, device);
    }

    /**
     * Builds the generator on {@code device}; with {@code palette} (a bundle's palette head, or null
     * for RGB) its synthesis output is decoded to RGB by a {@link PaletteOutput}, so that
     * {@link #synthesize} draws [N, 3, H, W] in [-1, 1] either way.
     */
    public static Generator create(NetworkRecord network, PaletteRecord palette, Device device)
            throws CheckpointException {
        Architecture architecture = Architecture.infer(network);
        StateDict state = network.stateDict();
        Kwargs kwargs = new Kwargs(state.source(), network.initKwargs());
        NDManager manager = NDManager.newBaseManager(device);
        try {
            int zDim = kwargs.getInt("z_dim");
            int cDim = kwargs.getInt("c_dim", 0);
            int wDim = kwargs.getInt("w_dim");
            SynthesisNetwork synthesis = architecture.isStyleGan3()
                    ? new StyleGan3Synthesis(manager, state, kwargs, wDim)
                    : new StyleGan2Synthesis(manager, state, kwargs, wDim);
            MappingNetwork mapping = buildMapping(manager, state, kwargs, architecture, zDim, cDim, wDim,
                    synthesis.numWs());
            PaletteOutput output = palette == null ? null
                    : new PaletteOutput(manager, palette, wDim, synthesis.numWs(), synthesis.imgChannels());
            return new Generator(manager, architecture, mapping, synthesis, output);
        } catch (CheckpointException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static MappingNetwork buildMapping(NDManager manager, StateDict state, Kwargs kwargs,
                                               Architecture architecture, int zDim, int cDim, int wDim, int numWs)
            throws CheckpointException {
        Kwargs mk = kwargs.getNested("mapping_kwargs");
        double lrMultiplier = mk.getDouble("lr_multiplier", 0.01);
        int[] features;
        int embedFeatures;
        if (architecture.isStyleGan3()) {
            int numLayers = mk.getInt("num_layers", 2);
            embedFeatures = wDim;
            features = new int[numLayers + 1];
            Arrays.fill(features, wDim);
            features[0] = zDim + (cDim > 0 ? wDim : 0);
        } else {
            int numLayers = mk.getInt("num_layers", 8);
            embedFeatures = cDim > 0 ? mk.getInt("embed_features", wDim) : 0;
            int layerFeatures = mk.getInt("layer_features", wDim);
            features = new int[numLayers + 1];
            Arrays.fill(features, layerFeatures);
            features[0] = zDim + embedFeatures;
            features[numLayers] = wDim;
        }
        return new MappingNetwork(manager, state, zDim, cDim, wDim, numWs, embedFeatures, features, lrMultiplier);
    }

    public Architecture architecture() {
        return architecture;
    }

    public MappingNetwork mapping() {
        return mapping;
    }

    /** The synthesis network; with a palette output, its own output is class logits, not RGB. */
    public SynthesisNetwork synthesis() {
        return synthesis;
    }

    /** Whether {@link #synthesize} decodes class logits through a palette output. */
    public boolean hasPaletteOutput() {
        return palette != null;
    }

    /** The palette output, or null for a generator whose synthesis network draws RGB. */
    public PaletteOutput paletteOutput() {
        return palette;
    }

    /** The channels of the images {@link #synthesize} draws: 3 with a palette output, else img_channels. */
    public int imageChannels() {
        return palette != null ? 3 : synthesis.imgChannels();
    }

    /** How many arrays the network's own manager holds (its weights); a forward pass must not add any. */
    int ownedArrayCount() {
        return manager.getManagedArrays().size();
    }

    public Device device() {
        return manager.getDevice();
    }

    public int zDim() {
        return mapping.zDim();
    }

    public int wDim() {
        return mapping.wDim();
    }

    public int numWs() {
        return synthesis.numWs();
    }

    public int resolution() {
        return synthesis.resolution();
    }

    /** z [N, z_dim] (any float type) to ws [N, num_ws, w_dim]; c is null for unconditional networks. */
    public NDArray map(NDArray z, NDArray c, double psi, Integer cutoff) {
        ensureOpen();
        if (mapping.cDim() > 0 && c == null) {
            throw new IllegalArgumentException("this generator is conditional (c_dim " + mapping.cDim()
                    + "): a class label is required");
        }
        return mapping.forward(z.toType(DataType.FLOAT32, false), c, psi, cutoff);
    }

    /**
     * ws [N, num_ws, w_dim] to images [N, C, H, W], roughly in [-1, 1], not clamped. With a palette
     * output: [N, 3, H, W], every pixel a palette colour or the background, in [-1, 1].
     */
    public NDArray synthesize(NDArray ws) {
        return synthesize(ws, null);
    }

    /**
     * As {@link #synthesize(NDArray)}, moved by {@code transform} from the framing the checkpoint
     * stores (StyleGAN3 only; null: as stored).
     */
    public NDArray synthesize(NDArray ws, ImageTransform transform) {
        ensureOpen();
        NDArray image = synthesis.forward(ws, transform);
        return palette == null ? image : palette.forward(ws, image);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("generator is closed");
        }
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
