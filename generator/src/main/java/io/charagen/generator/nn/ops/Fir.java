package io.charagen.generator.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * FIR resampling of images, "upfirdn2d": upsample by inserting {@code up - 1} zeros after every
 * sample, pad (negative padding crops), convolve with the filter (a true convolution) and keep every
 * {@code down}-th sample. This is the resampling of StyleGAN2 (Appendix B) and of StyleGAN3's
 * filtered nonlinearities.
 *
 * <p>It is computed polyphase: for upsampling, each of the {@code up} output phases is a short
 * filter (every {@code up}-th tap) run at the input rate, so nothing is ever multiplied by an
 * inserted zero; for downsampling, the filter runs with a stride and skipped samples are never
 * computed. A separable (1-D) filter runs as two 1-D passes. Filters, phase kernels and gains are
 * prepared once here, at construction.
 */
public final class Fir {

    private final int up;
    private final int down;
    private final int padX0;
    private final int padX1;
    private final int padY0;
    private final int padY1;
    private final int taps;         // K, filter length per axis
    private final int phaseTaps;    // taps of one polyphase component, ceil(K / up)
    private final boolean separable;
    private final int channels;
    private final int phases;       // output phases per input channel and pass: up (separable) or up^2
    private final NDArray kernelX;  // separable: [C*P, 1, 1, Kp]; 2-D: [C*P*P, 1, Kp, Kp] (P = up, or 1)
    private final NDArray kernelY;  // separable only: [C*P, 1, Kp, 1]

    /**
     * @param filter   the filter taps: length K (separable) or K x K, or null for the identity
     * @param filterIs2d whether {@code filter} is a K x K filter
     * @param gain     overall gain (the reference multiplies the filter by gain^(ndim/2))
     * @param padding  {x0, x1, y0, y1}
     * @param channels the channel count C of the images it will resample (the filter runs depthwise)
     */
    public Fir(NDManager manager, float[] filter, boolean filterIs2d, int up, int down, int[] padding, double gain,
               int channels) {
        if (filter == null) {
            filter = new float[] {1f};
            filterIs2d = false;
        }
        this.up = up;
        this.down = down;
        this.padX0 = padding[0];
        this.padX1 = padding[1];
        this.padY0 = padding[2];
        this.padY1 = padding[3];
        this.separable = !filterIs2d;
        this.taps = filterIs2d ? (int) Math.round(Math.sqrt(filter.length)) : filter.length;
        this.phaseTaps = (taps + up - 1) / up;
        this.channels = channels;
        this.phases = separable ? up : up * up;
        if (separable) {
            float[] kernels = perChannel(phaseKernels1d(filter, up, Math.sqrt(gain)), channels);
            this.kernelX = manager.create(kernels, new Shape((long) channels * up, 1, 1, phaseTaps));
            this.kernelY = manager.create(kernels, new Shape((long) channels * up, 1, phaseTaps, 1));
        } else {
            float[] kernels = perChannel(phaseKernels2d(filter, taps, up, gain), channels);
            this.kernelX = manager.create(kernels, new Shape((long) channels * phases, 1, phaseTaps, phaseTaps));
            this.kernelY = null;
        }
    }

    private static float[] perChannel(float[] kernels, int channels) {
        float[] out = new float[kernels.length * channels];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(kernels, 0, out, c * kernels.length, kernels.length);
        }
        return out;
    }

    /** Resamples x [N, C, H, W]; C must be the channel count given at construction. */
    public NDArray apply(NDArray x) {
        if (x.getShape().get(1) != channels) {
            throw new IllegalArgumentException("resampler made for " + channels + " channels got " + x.getShape());
        }
        if (separable) {
            return pass1d(pass1d(x, 3, padX0, padX1), 2, padY0, padY1);
        }
        return pass2d(x);
    }

    /** One 1-D upfirdn along {@code axis} (2 = rows, 3 = columns) of y [N, C, H, W]. */
    private NDArray pass1d(NDArray y, int axis, int pad0, int pad1) {
        NDArray kernel = axis == 3 ? kernelX : kernelY;
        if (up == 1) {
            y = padAxis(y, axis, pad0, pad1);
            int sy = axis == 2 ? down : 1;
            int sx = axis == 3 ? down : 1;
            return Conv.conv2d(y, kernel, sy, sx, 0, 0, channels);
        }
        long length = y.getShape().get(axis);
        // Full convolution of every phase: [N, C*up, H, W + Kp - 1] (or along H).
        int full = phaseTaps - 1;
        NDArray phased = Conv.conv2d(y, kernel, 1, 1, axis == 2 ? full : 0, axis == 3 ? full : 0, channels);
        NDArray interleaved = interleave1d(phased, axis);
        long outLength = length * up + pad0 + pad1 - taps + 1;
        NDArray window = window(interleaved, axis, taps - 1 - pad0, outLength);
        return down == 1 ? window : subsample(window, axis);
    }

    private NDArray pass2d(NDArray y) {
        if (up == 1) {
            y = padAxis(padAxis(y, 3, padX0, padX1), 2, padY0, padY1);
            return Conv.conv2d(y, kernelX, down, down, 0, 0, channels);
        }
        Shape s = y.getShape();
        int full = phaseTaps - 1;
        NDArray phased = Conv.conv2d(y, kernelX, 1, 1, full, full, channels); // [N, C*up*up, Hr, Wr]
        Shape p = phased.getShape();
        long n = p.get(0);
        long hr = p.get(2);
        long wr = p.get(3);
        // Channel c's phases are output channels c * up^2 .. c * up^2 + up^2 - 1.
        NDArray interleaved = Interleave.grid(phased.reshape(n, channels, phases, hr, wr), 2, up);
        long outH = s.get(2) * up + padY0 + padY1 - taps + 1;
        long outW = s.get(3) * up + padX0 + padX1 - taps + 1;
        NDArray window = window(window(interleaved, 2, taps - 1 - padY0, outH), 3, taps - 1 - padX0, outW);
        return down == 1 ? window : subsample(subsample(window, 2), 3);
    }

    /** [N, C*up, H, L] phases along axis 3 (or [N, C*up, L, W] along axis 2) to [N, C, H, L*up]. */
    private NDArray interleave1d(NDArray phased, int axis) {
        Shape p = phased.getShape();
        return Interleave.axis(phased.reshape(p.get(0), channels, up, p.get(2), p.get(3)), 2, up, axis);
    }

    /** Samples [start, start + length) along axis, zeros where that runs outside the array. */
    private static NDArray window(NDArray y, int axis, long start, long length) {
        long size = y.getShape().get(axis);
        long before = Math.max(-start, 0);
        long after = Math.max(start + length - size, 0);
        if (before > 0 || after > 0) {
            y = padAxis(y, axis, (int) before, (int) after);
            start += before;
        }
        if (start == 0 && length == y.getShape().get(axis)) {
            return y;
        }
        String range = start + ":" + (start + length);
        return y.get(new NDIndex(axis == 3 ? ":, :, :, " + range : ":, :, " + range));
    }

    private NDArray subsample(NDArray y, int axis) {
        return y.get(new NDIndex(axis == 3 ? ":, :, :, ::" + down : ":, :, ::" + down));
    }

    /** Zero padding (negative crops) on one of the two spatial axes of a 4-D array. */
    static NDArray padAxis(NDArray y, int axis, int before, int after) {
        if (before == 0 && after == 0) {
            return y;
        }
        // DJL/PyTorch pad order: last axis first, (before, after) per axis.
        Shape pad = axis == 3 ? new Shape(before, after) : new Shape(0, 0, before, after);
        return y.pad(pad, 0);
    }

    /**
     * Phase k of the upsampled convolution uses taps f[up*t + k]; as a cross-correlation kernel it is
     * flipped. Row k of the result holds phase k's flipped taps.
     */
    static float[] phaseKernels1d(float[] f, int up, double gain) {
        int kp = (f.length + up - 1) / up;
        float[] out = new float[up * kp];
        for (int phase = 0; phase < up; phase++) {
            for (int t = 0; t < kp; t++) {
                int tap = up * t + phase;
                float v = tap < f.length ? (float) (f[tap] * gain) : 0f;
                out[phase * kp + (kp - 1 - t)] = v;
            }
        }
        return out;
    }

    static float[] phaseKernels2d(float[] f, int k, int up, double gain) {
        int kp = (k + up - 1) / up;
        float[] out = new float[up * up * kp * kp];
        for (int py = 0; py < up; py++) {
            for (int px = 0; px < up; px++) {
                int base = (py * up + px) * kp * kp;
                for (int ty = 0; ty < kp; ty++) {
                    for (int tx = 0; tx < kp; tx++) {
                        int y = up * ty + py;
                        int x = up * tx + px;
                        float v = y < k && x < k ? (float) (f[y * k + x] * gain) : 0f;
                        out[base + (kp - 1 - ty) * kp + (kp - 1 - tx)] = v;
                    }
                }
            }
        }
        return out;
    }
}
