package io.charagen.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.PaletteOutputSpec;
import io.charagen.generator.checkpoint.PaletteRecord;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.ops.BiasAct;
import io.charagen.generator.nn.ops.LayerScope;

import java.util.Arrays;

/**
 * The palette output of a generator that draws classes: the synthesis network's [N, S + K, H, W]
 * output is S slot logits and K shade logits per pixel, and a palette head (an MLP on w) gives one
 * colour per (slot, shade). Each pixel takes the colour of its most likely slot and shade; slot 0
 * is the background, drawn in the card's background colour. The result is an RGB image in [-1, 1],
 * what an RGB generator draws, so everything downstream is the same for both.
 *
 * <p>The head's layers are plain {@code torch.nn.Linear} (y = x W^T + b, no equalized learning rate).
 * Its weights live on the generator's manager and are freed with it; a forward pass makes its
 * results on the manager of its inputs. Argmax and the palette lookup have no gradient, so a
 * generator with a palette output cannot be projected.
 */
public final class PaletteOutput {

    private final PaletteOutputSpec spec;
    private final String source;    // the palette head's file, for messages
    private final int numWs;
    private final NDArray weight0T; // [2 w_dim, hidden]
    private final NDArray bias0;    // [hidden]
    private final NDArray weight2T; // [hidden, hidden]
    private final NDArray bias2;    // [hidden]
    private final NDArray weight4T; // [hidden, S K 3]
    private final NDArray bias4;    // [S K 3]
    private final float[] background; // [3]: the background colour in [-1, 1]

    /**
     * @param manager the generator's manager, which owns the head's weights
     * @param numWs   the synthesis network's ws rows, which colour_from splits
     */
    PaletteOutput(NDManager manager, PaletteRecord record, int wDim, int numWs, int imgChannels)
            throws CheckpointException {
        this.spec = record.spec();
        this.numWs = numWs;
        this.source = record.weights().source();
        if (record.wDim() != wDim) {
            throw new CheckpointException(source + ": the palette head was read for w_dim " + record.wDim()
                    + " but the generator's w_dim is " + wDim);
        }
        if (spec.channels() != imgChannels) {
            throw new CheckpointException(source + ": the palette output decodes " + spec.slotCount() + " slots + "
                    + spec.shades() + " shades = " + spec.channels() + " channels but the synthesis network draws "
                    + imgChannels);
        }
        if (spec.colourFrom() < 1 || spec.colourFrom() >= numWs) {
            throw new CheckpointException(source + ": the palette output's colour_from " + spec.colourFrom()
                    + " is not a ws row from 1 to " + (numWs - 1));
        }
        PaletteRecord checked = PaletteRecord.check(spec, wDim, record.weights());
        StateDict state = checked.weights();
        this.weight0T = transposed(manager, state, "net.0.weight");
        this.bias0 = state.get("net.0.bias").toNDArray(manager);
        this.weight2T = transposed(manager, state, "net.2.weight");
        this.bias2 = state.get("net.2.bias").toNDArray(manager);
        this.weight4T = transposed(manager, state, "net.4.weight");
        this.bias4 = state.get("net.4.bias").toNDArray(manager);
        this.background = new float[3];
        for (int c = 0; c < 3; c++) {
            background[c] = spec.background().get(c) / 127.5f - 1f;
        }
    }

    private static NDArray transposed(NDManager manager, StateDict state, String name) throws CheckpointException {
        NDArray w = state.get(name).toNDArray(manager);
        NDArray t = w.transpose().duplicate();
        w.close();
        return t;
    }

    public PaletteOutputSpec spec() {
        return spec;
    }

    /** Where the palette head's weights came from (its file), for messages. */
    public String source() {
        return source;
    }

    /**
     * The palette of each w: [N, S, K, 3] in [-1, 1] (slot, then shade, then R, G, B), from ws
     * [N, num_ws, w_dim], through tanh as the toolkit's PaletteHead. Made on ws's manager.
     */
    public NDArray palette(NDArray ws) {
        checkWs(ws);
        int colourFrom = spec.colourFrom();
        // x = [mean of the shape rows, mean of the colour rows]: [N, 2 w_dim]
        NDArray shape = ws.get(new NDIndex(":, :{}, :", colourFrom)).mean(new int[] {1});
        NDArray colour = ws.get(new NDIndex(":, {}:, :", colourFrom)).mean(new int[] {1});
        NDArray x = NDArrays.concat(new NDList(shape, colour), 1);
        NDArray h = BiasAct.leakyRelu(x.matMul(weight0T).add(bias0), BiasAct.LRELU_SLOPE, 1, null);  // [N, hidden]
        h = BiasAct.leakyRelu(h.matMul(weight2T).add(bias2), BiasAct.LRELU_SLOPE, 1, null);          // [N, hidden]
        NDArray p = h.matMul(weight4T).add(bias4);                                                   // [N, S K 3]
        return p.reshape(ws.getShape().get(0), spec.slotCount(), spec.shades(), 3).tanh();
    }

    /**
     * The image [N, 3, H, W] in [-1, 1] that {@code logits} [N, S + K, H, W] and the palette of
     * {@code ws} [N, num_ws, w_dim] make. The logits are consumed (they are the synthesis network's
     * output, which nothing else needs); ws is left to the caller. The image is made on the logits'
     * manager; the pass's intermediates are freed before this returns.
     */
    public NDArray forward(NDArray ws, NDArray logits) {
        checkWs(ws);
        Shape s = logits.getShape();
        if (s.dimension() != 4 || s.get(1) != spec.channels() || s.get(0) != ws.getShape().get(0)) {
            throw new IllegalArgumentException("the palette output takes logits [" + ws.getShape().get(0) + ", "
                    + spec.channels() + ", H, W], got " + s);
        }
        return LayerScope.run(logits.getManager(), new NDArray[] {logits}, in -> decode(ws, in[0]));
    }

    /**
     * The forward pass, in the scope {@code logits} was moved to. The argmax and the lookup run on
     * the host in one pass over the logits: PyTorch's argmax over the channel axis took 14 ms per 16
     * channels of a 256 x 256 sheet on 2 CPU cores, and with this loop the whole decode takes about
     * 4 ms (GeneratorBenchmark's palette stage). The image is made on the logits' device.
     */
    private NDArray decode(NDArray ws, NDArray logits) {
        NDManager scope = logits.getManager();
        Shape s = logits.getShape();
        int n = (int) s.get(0);
        int pixels = (int) (s.get(2) * s.get(3));
        NDArray rows = ws.duplicate();
        rows.attach(scope);
        float[] palette = palette(rows).toType(DataType.FLOAT32, false).toFloatArray(); // [N, S, K, 3]
        float[] values = logits.toType(DataType.FLOAT32, false).toFloatArray();         // [N, S + K, H, W]
        float[] rgb = new float[n * 3 * pixels];
        int[] slot = new int[pixels];
        int[] shade = new int[pixels];
        float[] best = new float[pixels];
        int slots = spec.slotCount();
        int shades = spec.shades();
        for (int i = 0; i < n; i++) {
            int image = i * (slots + shades) * pixels;
            argmax(values, image, slots, pixels, best, slot);
            argmax(values, image + slots * pixels, shades, pixels, best, shade);
            int out = i * 3 * pixels;
            for (int p = 0; p < pixels; p++) {
                // Slot 0 is the background: the card's colour, whatever the palette says there.
                int entry = slot[p] == 0 ? -1 : ((i * slots + slot[p]) * shades + shade[p]) * 3;
                for (int c = 0; c < 3; c++) {
                    rgb[out + c * pixels + p] = entry < 0 ? background[c] : palette[entry + c];
                }
            }
        }
        return scope.create(rgb, new Shape(n, 3, s.get(2), s.get(3)));
    }

    /**
     * index[p] = the first of {@code count} channels (planes of {@code pixels} values from
     * {@code from}) with the largest value at pixel p, as torch.argmax picks it.
     */
    private static void argmax(float[] values, int from, int count, int pixels, float[] best, int[] index) {
        System.arraycopy(values, from, best, 0, pixels);
        Arrays.fill(index, 0);
        for (int c = 1; c < count; c++) {
            int plane = from + c * pixels;
            for (int p = 0; p < pixels; p++) {
                float v = values[plane + p];
                if (v > best[p]) {
                    best[p] = v;
                    index[p] = c;
                }
            }
        }
    }

    private void checkWs(NDArray ws) {
        Shape s = ws.getShape();
        long wDim = weight0T.getShape().get(0) / 2;
        if (s.dimension() != 3 || s.get(1) != numWs || s.get(2) != wDim) {
            throw new IllegalArgumentException("the palette output takes ws [N, " + numWs + ", " + wDim + "], got " + s);
        }
    }
}
