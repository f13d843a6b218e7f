package io.charagen.generator.latent;

/**
 * The natural logarithm rounded to the nearest double, computed in double-double arithmetic
 * (about 100 good bits), so that it is the correctly rounded value except for inputs whose
 * logarithm lies closer than about 2^-100 (relative) to a rounding boundary. {@link Math#log}
 * may be one ulp off and may differ between JVMs and CPUs; this gives the same bits everywhere.
 *
 * <p>Method: x = 2^k m with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s) with
 * s = (m - 1) / (m + 1), |s| &lt; 0.172, summed as the series 2 s (1 + s^2/3 + s^4/5 + ...).
 */
final class CorrectlyRoundedLog {

    private static final int TERMS = 23; // s^2 < 0.0295, so 0.0295^23 < 2^-116
    private static final double[] INV_ODD_HI = new double[TERMS];
    private static final double[] INV_ODD_LO = new double[TERMS];
    // ln 2 as a double-double: the nearest double and the nearest double to the remainder.
    private static final double LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    private static final double SQRT_HALF = 0x1.6a09e667f3bcdp-1;

    static {
        for (int j = 0; j < TERMS; j++) {
            double d = 2 * j + 1;
            double hi = 1.0 / d;
            INV_ODD_HI[j] = hi;
            INV_ODD_LO[j] = Math.fma(-hi, d, 1.0) / d;
        }
    }

    private CorrectlyRoundedLog() {
    }

    /** log(x) for finite x &gt; 0, correctly rounded; other inputs follow {@link Math#log}. */
    static double log(double x) {
        if (!(x > 0.0) || x == Double.POSITIVE_INFINITY) {
            return Math.log(x);
        }
        if (x == 1.0) {
            return 0.0;
        }
        int k = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 0x1p54;
            k = -54;
        }
        k += Math.getExponent(x);
        double m = Math.scalb(x, -Math.getExponent(x)); // exact, in [1, 2)
        if (m > 2 * SQRT_HALF) {
            m *= 0.5;
            k++;
        }
        double f = m - 1.0; // exact (Sterbenz)

        // s = f / (2 + f) as a double-double (sHi, sLo).
        double dHi = 2.0 + f;
        double dLo = f - (dHi - 2.0); // exact: 2 + f = dHi + dLo
        double sHi = f / dHi;
        double sLo = (Math.fma(-sHi, dHi, f) - sHi * dLo) / dHi;

        // s^2 as a double-double.
        double qHi = sHi * sHi;
        double qLo = Math.fma(sHi, sHi, -qHi) + 2.0 * sHi * sLo;

        // Horner: p = sum_j s^(2j) / (2j + 1).
        double pHi = INV_ODD_HI[TERMS - 1];
        double pLo = INV_ODD_LO[TERMS - 1];
        for (int j = TERMS - 2; j >= 0; j--) {
            // p = p * q
            double mHi = pHi * qHi;
            double mLo = Math.fma(pHi, qHi, -mHi) + (pHi * qLo + pLo * qHi);
            double tHi = mHi + mLo;
            mLo = mLo - (tHi - mHi);
            // p = p + 1/(2j + 1)
            double sum = tHi + INV_ODD_HI[j];
            double err = twoSumError(tHi, INV_ODD_HI[j], sum) + mLo + INV_ODD_LO[j];
            pHi = sum + err;
            pLo = err - (pHi - sum);
        }

        // log m = 2 s p
        double lHi = sHi * pHi;
        double lLo = Math.fma(sHi, pHi, -lHi) + (sHi * pLo + sLo * pHi);
        lHi *= 2.0;
        lLo *= 2.0;

        // k ln 2 as a double-double, then the total.
        double kHi = k * LN2_HI;
        double kLo = Math.fma(k, LN2_HI, -kHi) + k * LN2_LO;
        double sum = kHi + lHi;
        double err = twoSumError(kHi, lHi, sum) + kLo + lLo;
        return sum + err;
    }

    /** The rounding error of {@code sum = a + b}: a + b = sum + error exactly. */
    private static double twoSumError(double a, double b, double sum) {
        double bVirtual = sum - a;
        double aVirtual = sum - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }
}
