package io.charagen.generator.encoder;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.encoder.HeadEncoderCard.ConvLayer;
import io.charagen.generator.encoder.HeadEncoderCard.Head;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.nn.ops.BiasAct;
import io.charagen.generator.nn.ops.Conv;
import io.charagen.generator.sheet.CharacterFrames;

import java.util.ArrayList;
import java.util.List;

/**
 * The head encoder network on a device: one forward pass from a sprite's standing frames to the
 * paired portrait model's w (amortised projection, DESIGN.md stage 4). It owns its weights until
 * {@link #close()}; each pass's arrays live in a manager closed when the pass returns.
 *
 * <pre>
 * x      = the frames' tensor                                [1, C, rows, width]  (HeadEncoderInput)
 * x      = lrelu(conv3x3(x) + b), per convolution            [1, C_i, H_i, W_i]
 * h      = lrelu(fc0(flatten(x)))                            [1, hidden]
 * logits = fc1(h)                                            [1, K]
 * p      = softmax within each head's slice of the logits    [1, K]
 * w      = p ws_weight + ws_bias                             [1, w_dim]
 * </pre>
 */
public final class HeadEncoder implements AutoCloseable {

    private final NDManager manager;
    private final HeadEncoderCard card;
    private final List<NDArray> convWeights; // [out, in, 3, 3]
    private final List<NDArray> convBiases;  // [1, out, 1, 1]
    private final NDArray hiddenWeightT;     // [C * H * W, hidden]
    private final NDArray hiddenBias;        // [hidden]
    private final NDArray logitsWeightT;     // [hidden, K]
    private final NDArray logitsBias;        // [K]
    private final NDArray wsWeight;          // [K, w_dim]
    private final NDArray wsBias;            // [w_dim]
    private boolean closed;

    private HeadEncoder(NDManager manager, HeadEncoderCard card, StateDict weights) throws CheckpointException {
        this.manager = manager;
        this.card = card;
        convWeights = new ArrayList<>();
        convBiases = new ArrayList<>();
        for (int i = 0; i < card.convs().size(); i++) {
            convWeights.add(weights.get("convs." + i + ".weight").toNDArray(manager));
            convBiases.add(BiasAct.channelBias(weights.get("convs." + i + ".bias").toNDArray(manager)));
        }
        hiddenWeightT = transposed(weights, "fc.0.weight");
        hiddenBias = weights.get("fc.0.bias").toNDArray(manager);
        logitsWeightT = transposed(weights, "fc.1.weight");
        logitsBias = weights.get("fc.1.bias").toNDArray(manager);
        wsWeight = weights.get("ws.weight").toNDArray(manager);
        wsBias = weights.get("ws.bias").toNDArray(manager);
    }

    /** Builds the encoder of {@code bundle} on {@code device}. */
    public static HeadEncoder load(HeadEncoderBundle bundle, Device device) throws CheckpointException {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            return new HeadEncoder(manager, bundle.card(), bundle.weights());
        } catch (CheckpointException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A dense layer's weight [out, in] as the [in, out] that x [1, in] multiplies, made once here. */
    private NDArray transposed(StateDict weights, String name) throws CheckpointException {
        NDArray weight = weights.get(name).toNDArray(manager);
        NDArray view = weight.transpose();
        NDArray t = view.duplicate();
        view.close();
        weight.close();
        return t;
    }

    public HeadEncoderCard card() {
        return card;
    }

    /** The encoder's name and the sha256 of its weights, as records name it. */
    public ModelRef ref() {
        return card.ref();
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The w [w_dim] the encoder predicts for {@code frames}: the portrait's identity, on every ws layer. */
    public float[] encode(CharacterFrames frames) {
        try (NDManager pass = newPass()) {
            return w(logits(pass, frames)).toFloatArray();
        }
    }

    /**
     * The start of the portrait's projection: the w of {@link #encode} on every one of {@code numWs}
     * layers, [num_ws * w_dim] row-major.
     */
    public float[] startWs(CharacterFrames frames, int numWs) {
        float[] w = encode(frames);
        float[] ws = new float[numWs * w.length];
        for (int layer = 0; layer < numWs; layer++) {
            System.arraycopy(w, 0, ws, layer * w.length, w.length);
        }
        return ws;
    }

    /** The class logits [K] of {@code frames}, heads in card order (for tests and diagnostics). */
    public float[] logits(CharacterFrames frames) {
        try (NDManager pass = newPass()) {
            return logits(pass, frames).toFloatArray();
        }
    }

    private NDManager newPass() {
        if (closed) {
            throw new IllegalStateException("the head encoder '" + card.name() + "' is closed");
        }
        return NDManager.newBaseManager(manager.getDevice());
    }

    /** [1, K] on {@code pass}. */
    private NDArray logits(NDManager pass, CharacterFrames frames) {
        HeadEncoderInput input = card.input();
        NDArray x = pass.create(input.tensor(frames), new Shape(1, input.channels(), input.rows(), input.width()));
        float slope = (float) card.leakyReluSlope();
        for (int i = 0; i < convWeights.size(); i++) {
            ConvLayer conv = card.convs().get(i);
            NDArray y = Conv.conv2d(x, convWeights.get(i), conv.stride(), conv.stride(), 1, 1, 1);
            x = BiasAct.leakyRelu(BiasAct.addChannelBias(y, convBiases.get(i)), slope, 1, null);
        }
        NDArray flat = x.reshape(1, -1); // PyTorch's flatten order: C, H, W
        NDArray hidden = BiasAct.leakyRelu(flat.matMul(hiddenWeightT).add(hiddenBias), slope, 1, null);
        return hidden.matMul(logitsWeightT).add(logitsBias);
    }

    /** w [1, w_dim]: each head's softmax over its own classes, times ws_weight, plus ws_bias. */
    private NDArray w(NDArray logits) {
        NDList probabilities = new NDList();
        int from = 0;
        for (Head head : card.heads()) {
            int to = from + head.classes().size();
            probabilities.add(logits.get(new NDIndex(":, {}:{}", from, to)).softmax(1));
            from = to;
        }
        return NDArrays.concat(probabilities, 1).matMul(wsWeight).add(wsBias);
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
