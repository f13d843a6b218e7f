package io.charagen.generator.nn.init;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.nn.Kwargs;
import io.charagen.generator.nn.stylegan3.AliasFreeSchedule;
import io.charagen.generator.nn.stylegan3.LayerPlan;
import io.charagen.generator.nn.stylegan3.StyleGan3Layout;

/**
 * A freshly initialised StyleGAN3 synthesis network (Karras et al. 2021), tensor by tensor in the
 * reference state-dict order: the Fourier input, then every layer of the layout.
 */
final class StyleGan3RandomSynthesis {

    private StyleGan3RandomSynthesis() {
    }

    static void add(StateDictBuilder b, Kwargs kwargs, int wDim) throws CheckpointException {
        StyleGan3Layout layout = StyleGan3Layout.of(kwargs);
        addInput(b, layout.schedule(), wDim);
        for (int i = 0; i < layout.layers().size(); i++) {
            addLayer(b, layout, i, wDim);
        }
    }

    /**
     * Frequencies uniform over the disc of radius f_c of the first layer (uniform angle, radius
     * f_c sqrt(u)), phases uniform in [-1/2, 1/2). The input's affine starts at weight 0 and bias
     * (1, 0, 0, 0): an unrotated, untranslated input whatever w is.
     */
    private static void addInput(StateDictBuilder b, AliasFreeSchedule s, int wDim) {
        String p = "synthesis.input.";
        int channels = s.channels(0);
        double bandwidth = s.cutoff(0);
        b.gaussian(p + "weight", 1, channels, channels);
        b.put(p + "transform", new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 3);
        float[] freqs = new float[channels * 2];
        for (int c = 0; c < channels; c++) {
            double angle = 2 * Math.PI * b.uniform();
            double radius = bandwidth * Math.sqrt(b.uniform());
            freqs[2 * c] = (float) (radius * Math.cos(angle));
            freqs[2 * c + 1] = (float) (radius * Math.sin(angle));
        }
        b.put(p + "freqs", freqs, channels, 2);
        float[] phases = new float[channels];
        for (int c = 0; c < channels; c++) {
            phases[c] = (float) (b.uniform() - 0.5);
        }
        b.put(p + "phases", phases, channels);
        b.constant(p + "affine.weight", 0, 4, wDim);
        b.put(p + "affine.bias", new float[] {1, 0, 0, 0}, 4);
    }

    /**
     * Weights N(0, 1) (the runtime applies the equalized-lr gain), bias 0, magnitude_ema 1, affine
     * bias 1; the up filter low-passes at the input's cutoff and the down filter at the output's,
     * both designed at the rate the nonlinearity runs at.
     */
    private static void addLayer(StateDictBuilder b, StyleGan3Layout layout, int i, int wDim) {
        AliasFreeSchedule s = layout.schedule();
        LayerPlan plan = layout.layers().get(i);
        int prev = Math.max(i - 1, 0);
        double fs = layout.intermediateRate(i);
        String p = "synthesis." + plan.name() + ".";
        b.gaussian(p + "weight", 1, plan.outChannels(), plan.inChannels(), plan.kernel(), plan.kernel());
        b.constant(p + "bias", 0, plan.outChannels());
        b.constant(p + "magnitude_ema", 1);
        if (plan.upTaps() > 1) {
            b.put(p + "up_filter",
                    LowpassFilterDesign.separable(plan.upTaps(), s.cutoff(prev), 2 * s.halfWidth(prev), fs),
                    plan.upTaps());
        }
        if (plan.downTaps() > 1) {
            int n = plan.downTaps();
            if (plan.downRadial()) {
                b.put(p + "down_filter", LowpassFilterDesign.radial(n, s.cutoff(i), 2 * s.halfWidth(i), fs), n, n);
            } else {
                b.put(p + "down_filter", LowpassFilterDesign.separable(n, s.cutoff(i), 2 * s.halfWidth(i), fs), n);
            }
        }
        b.gaussian(p + "affine.weight", 1, plan.inChannels(), wDim);
        b.constant(p + "affine.bias", 1, plan.inChannels());
    }
}
