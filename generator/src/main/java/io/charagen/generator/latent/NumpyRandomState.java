package io.charagen.generator.latent;

/**
 * numpy's legacy {@code numpy.random.RandomState(seed)} for an integer seed: the same MT19937
 * stream, the same 53-bit doubles and the same Gaussian values. StyleGAN tools draw latents as
 * {@code RandomState(seed).randn(1, z_dim)}, so a seed names the same latent here as there.
 *
 * <p>The raw words and doubles match numpy exactly. Gaussians match exactly except where the C
 * library's {@code log} under numpy rounds differently from the correctly rounded logarithm
 * used here: glibc's does so for roughly 1 in 2800 calls, and then both values of that pair are
 * one ulp apart (about 1 in 80 latents of 64 values, 1 in 10 of 512). No portable Java
 * logarithm reproduces glibc's rounding; correct rounding at least gives the same bits on
 * every JVM and CPU.
 *
 * <p>Not thread-safe; one instance is one stream.
 */
public final class NumpyRandomState {

    /** Seeds are one unsigned 32-bit word: 0 to 2^32 - 1. */
    public static final long MAX_SEED = 0xffff_ffffL;

    private final Mt19937 mt;
    // The polar method makes values in pairs; the second waits here for the next call.
    private boolean hasCachedGaussian;
    private double cachedGaussian;

    /**
     * Seeds like {@code RandomState(seed)} with a Python int, which numpy feeds straight to
     * MT19937's single-word initialisation (not the array one).
     *
     * @throws IllegalArgumentException if {@code seed} is not in [0, 2^32 - 1]
     */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException(
                    "seed " + seed + " is out of range: a RandomState seed must be between 0 and "
                            + MAX_SEED + " (2^32 - 1)");
        }
        mt = new Mt19937((int) seed);
    }

    /** The next raw 32-bit output, in [0, 2^32). */
    public long nextUint32() {
        return Integer.toUnsignedLong(mt.nextInt());
    }

    /** Uniform in [0, 1) with 53 random bits, as {@code random_sample()}: 27 bits from one draw, 26 from the next. */
    public double randomDouble() {
        long high = Integer.toUnsignedLong(mt.nextInt()) >>> 5;
        long low = Integer.toUnsignedLong(mt.nextInt()) >>> 6;
        return (high * 67108864.0 + low) / 9007199254740992.0;
    }

    /** {@code n} standard normal values, as {@code randn(n)}. */
    public double[] randn(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("randn: the count " + n + " is negative");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = nextGaussian();
        }
        return out;
    }

    /**
     * {@code RandomState(seed).randn(1, zDim)} flattened to {@code zDim} values: the latent
     * vector that StyleGAN's tools make for {@code seed}.
     */
    public static double[] gaussianLatent(long seed, int zDim) {
        return new NumpyRandomState(seed).randn(zDim);
    }

    /**
     * The legacy Gaussian: Marsaglia's polar form of Box–Muller. A point is drawn in the square
     * [-1, 1)^2 until it falls strictly inside the unit circle (and not at its centre); of the
     * pair it yields, {@code f * x2} is returned now and {@code f * x1} on the next call.
     */
    private double nextGaussian() {
        if (hasCachedGaussian) {
            hasCachedGaussian = false;
            double value = cachedGaussian;
            cachedGaussian = 0.0;
            return value;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * randomDouble() - 1.0;
            x2 = 2.0 * randomDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * CorrectlyRoundedLog.log(r2) / r2);
        cachedGaussian = f * x1;
        hasCachedGaussian = true;
        return f * x2;
    }
}
