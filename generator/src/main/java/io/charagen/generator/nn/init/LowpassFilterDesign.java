package io.charagen.generator.nn.init;

/**
 * Windowed low-pass FIR filters as StyleGAN3 uses them (Karras et al. 2021, Section 3.2 and
 * Appendix C): the ideal low-pass response (sinc, or jinc for a radially symmetric 2-D filter)
 * truncated to {@code numTaps} by a Kaiser window whose beta follows from Kaiser's empirical
 * formulas for the attenuation a given length and transition width can reach, normalised to unit
 * DC gain. Frequencies are in the same unit as the sampling rate {@code fs}; {@code width} is the
 * full transition band.
 */
final class LowpassFilterDesign {

    private LowpassFilterDesign() {
    }

    /** A 1-D filter of {@code numTaps} taps (used separably along x and y). */
    static float[] separable(int numTaps, double cutoff, double width, double fs) {
        double[] window = kaiserWindow(numTaps, kaiserBeta(kaiserAttenuation(numTaps, width / (fs / 2))));
        double[] h = new double[numTaps];
        for (int n = 0; n < numTaps; n++) {
            double t = (n - (numTaps - 1) / 2.0) / fs;           // tap position in the unit of 1 / fs
            h[n] = 2 * cutoff * sinc(2 * cutoff * t) * window[n]; // ideal low-pass: 2 fc sinc(2 fc t)
        }
        return normalised(h);
    }

    /** A radially symmetric numTaps x numTaps filter, row-major. */
    static float[] radial(int numTaps, double cutoff, double width, double fs) {
        double[] window = kaiserWindow(numTaps, kaiserBeta(kaiserAttenuation(numTaps, width / (fs / 2))));
        double[] h = new double[numTaps * numTaps];
        for (int i = 0; i < numTaps; i++) {
            double y = (i - (numTaps - 1) / 2.0) / fs;
            for (int j = 0; j < numTaps; j++) {
                double x = (j - (numTaps - 1) / 2.0) / fs;
                h[i * numTaps + j] = jinc(cutoff, Math.hypot(x, y)) * window[i] * window[j];
            }
        }
        return normalised(h);
    }

    /**
     * Kaiser's estimate of the stopband attenuation (dB) of a filter with {@code numTaps} taps and
     * transition width {@code width} as a fraction of the Nyquist frequency: 2.285 (N - 1) pi w + 7.95.
     */
    static double kaiserAttenuation(int numTaps, double width) {
        return 2.285 * (numTaps - 1) * Math.PI * width + 7.95;
    }

    /** Kaiser's window parameter beta for a stopband attenuation of {@code a} dB. */
    static double kaiserBeta(double a) {
        if (a > 50) {
            return 0.1102 * (a - 8.7);
        }
        if (a > 21) {
            return 0.5842 * Math.pow(a - 21, 0.4) + 0.07886 * (a - 21);
        }
        return 0;
    }

    /** w[n] = I0(beta sqrt(1 - (2n / (N - 1) - 1)^2)) / I0(beta), symmetric. */
    static double[] kaiserWindow(int numTaps, double beta) {
        double[] w = new double[numTaps];
        if (numTaps == 1) {
            w[0] = 1;
            return w;
        }
        double norm = Bessel.i0(beta);
        for (int n = 0; n < numTaps; n++) {
            double r = 2.0 * n / (numTaps - 1) - 1;
            w[n] = Bessel.i0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
        }
        return w;
    }

    /** sin(pi x) / (pi x). */
    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /**
     * The impulse response of the ideal disc low-pass of radius {@code cutoff} at distance r:
     * fc J1(2 pi fc r) / r, whose value at r = 0 is pi fc^2 (the disc's area).
     */
    private static double jinc(double cutoff, double r) {
        return r == 0 ? Math.PI * cutoff * cutoff : cutoff * Bessel.j1(2 * Math.PI * cutoff * r) / r;
    }

    /** Scaled so the taps sum to one: unit gain at DC. */
    private static float[] normalised(double[] h) {
        double sum = 0;
        for (double v : h) {
            sum += v;
        }
        float[] out = new float[h.length];
        for (int i = 0; i < h.length; i++) {
            out[i] = (float) (h[i] / sum);
        }
        return out;
    }
}
