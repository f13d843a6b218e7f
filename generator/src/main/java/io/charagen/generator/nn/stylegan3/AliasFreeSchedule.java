package io.charagen.generator.nn.stylegan3;

/**
 * The per-layer frequency plan of StyleGAN3 (Karras et al. 2021, Section 3.2 and Appendix F):
 * cutoff frequency f_c and stopband f_t rise geometrically from the first layer to the last
 * {@code numCritical} layers, which are critically sampled at the output resolution; each layer's
 * sampling rate is the smallest power of two above 2 f_t, its transition half-width is
 * max(f_t, s/2) - f_c, and its canvas carries a margin of {@code marginSize} pixels per side.
 * Index 0 is the Fourier input, indices 0..numLayers are the synthesis layers (the last one is to-RGB).
 */
public final class AliasFreeSchedule {

    final int numLayers;
    final double[] cutoffs;
    final double[] stopbands;
    final double[] samplingRates;
    final double[] halfWidths;
    final int[] sizes;
    final int[] channels;

    public AliasFreeSchedule(int imgResolution, int imgChannels, double channelBase, int channelMax, int numLayers,
                             int numCritical, double firstCutoff, double firstStopband, double lastStopbandRel,
                             int marginSize) {
        this.numLayers = numLayers;
        int n = numLayers + 1;
        double lastCutoff = imgResolution / 2.0;
        double lastStopband = lastCutoff * lastStopbandRel;
        cutoffs = new double[n];
        stopbands = new double[n];
        samplingRates = new double[n];
        halfWidths = new double[n];
        sizes = new int[n];
        channels = new int[n];
        for (int i = 0; i < n; i++) {
            double exponent = Math.min((double) i / (numLayers - numCritical), 1.0);
            cutoffs[i] = firstCutoff * Math.pow(lastCutoff / firstCutoff, exponent);
            stopbands[i] = firstStopband * Math.pow(lastStopband / firstStopband, exponent);
            samplingRates[i] = nextPowerOfTwo(Math.min(stopbands[i] * 2, imgResolution));
            halfWidths[i] = Math.max(stopbands[i], samplingRates[i] / 2) - cutoffs[i];
            sizes[i] = (int) (samplingRates[i] + marginSize * 2);
            channels[i] = (int) Math.rint(Math.min((channelBase / 2) / cutoffs[i], channelMax));
        }
        sizes[n - 1] = imgResolution;
        sizes[n - 2] = imgResolution;
        channels[n - 1] = imgChannels;
    }

    public int numLayers() {
        return numLayers;
    }

    /** Cutoff frequency f_c of layer {@code i} (0: the Fourier input). */
    public double cutoff(int i) {
        return cutoffs[i];
    }

    /** Transition half-width of layer {@code i}: max(f_t, s/2) - f_c. */
    public double halfWidth(int i) {
        return halfWidths[i];
    }

    public double samplingRate(int i) {
        return samplingRates[i];
    }

    /** Canvas side of layer {@code i}, margins included. */
    public int size(int i) {
        return sizes[i];
    }

    public int channels(int i) {
        return channels[i];
    }

    /** 2^ceil(log2(v)), exact at powers of two (a floating log2 can land a hair above). */
    private static double nextPowerOfTwo(double v) {
        double p = 1;
        while (p < v) {
            p *= 2;
        }
        return p;
    }
}
