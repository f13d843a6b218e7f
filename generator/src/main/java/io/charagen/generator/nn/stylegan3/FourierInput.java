package io.charagen.generator.nn.stylegan3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.HostTensor;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.FullyConnectedLayer;
import io.charagen.generator.nn.ImageTransform;
import io.charagen.generator.nn.ops.Conv;
import io.charagen.generator.nn.ops.Scalars;

/**
 * StyleGAN3's input (Section 3.1 and Appendix D): a bank of Fourier features sin(2 pi (f . x + phi))
 * sampled on the first layer's canvas, whose rotation and translation come from w. An affine layer
 * maps w to (r_c, r_s, t_x, t_y); the rotation part is normalised to unit length; frequencies and
 * phases are transformed by the inverse of (rotation, then translation), then by the stored
 * transform; frequencies pushed beyond the band are faded out; a learned 1x1 mixing of channels
 * follows. The stored transform is part of the network (a snapshot saved with the image turned
 * draws it turned); an {@link ImageTransform} moves the image from there.
 */
final class FourierInput {

    private final int channels;
    private final double samplingRate;
    private final double bandwidth;
    private final int size;
    private final FullyConnectedLayer affine; // w -> (r_c, r_s, t_x, t_y)
    private final float[] storedTransform;    // [3, 3] row-major, as the checkpoint holds it
    private final NDArray stored;             // the same, on the device
    private final NDArray freqsT;             // [2, C]
    private final NDArray phases;             // [C]
    private final NDArray gridT;              // [2, H*W]: x and y of every sample point
    private final NDArray mixing;             // [C, C, 1, 1], weight / sqrt(C)

    FourierInput(NDManager manager, StateDict state, int wDim, int channels, int size, double samplingRate,
                 double bandwidth) throws CheckpointException {
        String p = "synthesis.input.";
        this.channels = channels;
        this.size = size;
        this.samplingRate = samplingRate;
        this.bandwidth = bandwidth;
        this.affine = new FullyConnectedLayer(manager, state, p + "affine.", wDim, 4, false, 1);
        HostTensor transform = state.get(p + "transform", new Shape(3, 3));
        this.storedTransform = transform.toFloats();
        this.stored = transform.toNDArray(manager);
        NDArray freqs = state.get(p + "freqs", new Shape(channels, 2)).toNDArray(manager);
        this.freqsT = freqs.transpose().duplicate();
        freqs.close();
        this.phases = state.get(p + "phases", new Shape(channels)).toNDArray(manager);
        NDArray weight = state.get(p + "weight", new Shape(channels, channels)).toNDArray(manager);
        this.mixing = weight.div(Math.sqrt(channels)).reshape(channels, channels, 1, 1);
        weight.close();
        this.gridT = manager.create(samplingGrid(size, samplingRate), new Shape(2, (long) size * size));
    }

    /**
     * Sample positions of a size x size canvas at the given rate, centred on 0: pixel i sits at
     * (i + 0.5 - size / 2) / samplingRate. Row 0 holds x (columns), row 1 holds y (rows).
     */
    private static float[] samplingGrid(int size, double samplingRate) {
        float[] g = new float[2 * size * size];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                int i = row * size + col;
                g[i] = (float) ((col + 0.5 - size / 2.0) / samplingRate);
                g[size * size + i] = (float) ((row + 0.5 - size / 2.0) / samplingRate);
            }
        }
        return g;
    }

    /** w [N, w_dim] to features [N, C, size, size], moved by {@code transform} (null: as stored). */
    NDArray forward(NDArray w, ImageTransform transform) {
        long n = w.getShape().get(0);
        NDArray t = affine.forward(w);                                      // [N, 4]
        NDArray rot = t.get(new NDIndex(":, 0:2"));
        t = t.div(rot.norm(new int[] {1}, true));
        NDArray c = t.get(new NDIndex(":, 0"));
        NDArray s = t.get(new NDIndex(":, 1"));
        NDArray tx = t.get(new NDIndex(":, 2"));
        NDArray ty = t.get(new NDIndex(":, 3"));
        // Inverse rotation then inverse translation, as one matrix: [[c, -s, s ty - c tx], [s, c, -s tx - c ty], [0, 0, 1]].
        NDArray zero = c.zerosLike();
        NDArray one = c.onesLike();
        NDArray rows = NDArrays.stack(new NDList(
                c, s.neg(), s.mul(ty).sub(c.mul(tx)),
                s, c, s.mul(tx).add(c.mul(ty)).neg(),
                zero, zero, one), 1).reshape(n, 3, 3);
        NDArray framing = transform == null ? stored
                : w.getManager().create(transform.movedFrom(storedTransform), new Shape(3, 3)).duplicate(); // owned by PyTorch: see Scalars
        NDArray m = rows.matMul(framing);                                    // [N, 3, 3]
        NDArray linear = m.get(new NDIndex(":, 0:2, 0:2"));                  // [N, 2, 2]
        NDArray shift = m.get(new NDIndex(":, 0:2, 2:3"));                   // [N, 2, 1]
        NDArray freqs = linear.transpose(0, 2, 1).matMul(freqsT);            // [N, 2, C] = (freqs @ M)^T
        NDArray phase = shift.transpose(0, 2, 1).matMul(freqsT).reshape(n, channels).add(phases);
        NDArray radius = freqs.norm(new int[] {1}, false);                   // [N, C]
        NDArray amplitude = Scalars.plus(Scalars.times(Scalars.plus(radius, -bandwidth), -1 / (samplingRate / 2 - bandwidth)), 1).clip(0, 1);
        NDArray x = freqs.transpose(0, 2, 1).matMul(gridT)                   // [N, C, H*W]
                .add(phase.expandDims(2))
                .mul(Scalars.of(freqs, 2 * Math.PI)).sin()
                .mul(amplitude.expandDims(2));
        x = x.reshape(n, channels, size, size);
        return Conv.conv2d(x, mixing, 0);
    }
}
