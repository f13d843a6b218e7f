package io.charagen.generator.nn.init;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.nn.Kwargs;

/**
 * A freshly initialised StyleGAN2 synthesis network (Karras et al. 2020), block by block from 4x4
 * in the reference state-dict order. Every layer carries the [1, 3, 3, 1] resampling filter
 * (normalised outer product) and, being noise-enabled, a constant noise image with strength 0.
 */
final class StyleGan2RandomSynthesis {

    private StyleGan2RandomSynthesis() {
    }

    static void add(StateDictBuilder b, Kwargs kwargs, int wDim) throws CheckpointException {
        int resolution = kwargs.getInt("img_resolution");
        int imgChannels = kwargs.getInt("img_channels", 3);
        int channelBase = kwargs.getInt("channel_base", 32768);
        int channelMax = kwargs.getInt("channel_max", 512);
        boolean skip = kwargs.getString("architecture", "skip").equals("skip");
        for (int res = 4; res <= resolution; res *= 2) {
            String p = "synthesis.b" + res + ".";
            int out = Math.min(channelBase / res, channelMax);
            if (res == 4) {
                b.gaussian(p + "const", 1, out, res, res);
            }
            b.put(p + "resample_filter", resampleFilter(), 4, 4);
            if (res > 4) {
                addLayer(b, p + "conv0.", Math.min(channelBase / (res / 2), channelMax), out, res, wDim);
            }
            addLayer(b, p + "conv1.", out, out, res, wDim);
            if (skip || res == resolution) {
                b.gaussian(p + "torgb.weight", 1, imgChannels, out, 1, 1);
                b.constant(p + "torgb.bias", 0, imgChannels);
                addAffine(b, p + "torgb.", out, wDim);
            }
        }
    }

    private static void addLayer(StateDictBuilder b, String p, int in, int out, int res, int wDim) {
        b.gaussian(p + "weight", 1, out, in, 3, 3);
        b.constant(p + "noise_strength", 0);
        b.constant(p + "bias", 0, out);
        b.put(p + "resample_filter", resampleFilter(), 4, 4);
        b.gaussian(p + "noise_const", 1, res, res);
        addAffine(b, p, in, wDim);
    }

    private static void addAffine(StateDictBuilder b, String p, int in, int wDim) {
        b.gaussian(p + "affine.weight", 1, in, wDim);
        b.constant(p + "affine.bias", 1, in);
    }

    /** outer([1, 3, 3, 1], [1, 3, 3, 1]) / 64: the binomial low-pass of Appendix B, unit DC gain. */
    private static float[] resampleFilter() {
        int[] k = {1, 3, 3, 1};
        float[] f = new float[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                f[i * 4 + j] = k[i] * k[j] / 64f;
            }
        }
        return f;
    }
}
