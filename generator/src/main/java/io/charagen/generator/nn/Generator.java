package io.charagen.generator.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.charagen.generator.checkpoint.Architecture;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.stylegan2.StyleGan2Synthesis;
import io.charagen.generator.nn.stylegan3.StyleGan3Synthesis;

import java.util.Arrays;

/**
 * A StyleGAN generator, G = g o f: the mapping network and the synthesis network built from a
 * checkpoint's kwargs and tensors. It owns their weights (on one device) until {@link #close()}.
 *
 * <p>Forward passes create their results on the manager of their input arrays, so a caller that
 * opens a sub-manager per unit of work frees everything the pass made when it closes it.
 */
public final class Generator implements AutoCloseable {

    private final NDManager manager;
    private final Architecture architecture;
    private final MappingNetwork mapping;
    private final SynthesisNetwork synthesis;
    private boolean closed;

    private Generator(NDManager manager, Architecture architecture, MappingNetwork mapping,
                      SynthesisNetwork synthesis) {
        this.manager = manager;
        this.architecture = architecture;
        this.mapping = mapping;
        this.synthesis = synthesis;
    }

    /** Builds the network on {@code device}, checking every tensor's shape against the kwargs. */
    public static Generator create(NetworkRecord network, Device device) throws CheckpointException {
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
            return new Generator(manager, architecture, mapping, synthesis);
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

    public SynthesisNetwork synthesis() {
        return synthesis;
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

    /** ws [N, num_ws, w_dim] to images [N, C, H, W], roughly in [-1, 1], not clamped. */
    public NDArray synthesize(NDArray ws) {
        return synthesize(ws, null);
    }

    /**
     * As {@link #synthesize(NDArray)}, moved by {@code transform} from the framing the checkpoint
     * stores (StyleGAN3 only; null: as stored).
     */
    public NDArray synthesize(NDArray ws, ImageTransform transform) {
        ensureOpen();
        return synthesis.forward(ws, transform);
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
