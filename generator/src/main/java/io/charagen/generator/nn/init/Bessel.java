package io.charagen.generator.nn.init;

/** The two Bessel functions filter design needs, in double precision. */
final class Bessel {

    private Bessel() {
    }

    /**
     * I0(x), the modified Bessel function of the first kind, from its power series
     * sum_k ((x/2)^k / k!)^2. Every term is positive, so the sum is accurate for any x a Kaiser
     * window uses (beta up to a few tens).
     */
    static double i0(double x) {
        double term = 1;
        double sum = 1;
        double q = x * x / 4;
        for (int k = 1; term > sum * 1e-17; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    /**
     * J1(x), the Bessel function of the first kind, from Bessel's integral
     * J1(x) = 1/(2 pi) * integral over one period of cos(t - x sin t) dt. The integrand is smooth and
     * periodic, so the trapezoidal rule converges geometrically once it has more points than |x|
     * (the power series would lose every digit to cancellation at the arguments a jinc filter needs).
     */
    static double j1(double x) {
        int points = 64 + 2 * (int) Math.ceil(Math.abs(x));
        double sum = 0;
        for (int k = 0; k < points; k++) {
            double t = 2 * Math.PI * k / points;
            sum += Math.cos(t - x * Math.sin(t));
        }
        return sum / points;
    }
}
