package io.charagen.generator.nn;

/**
 * A move of a StyleGAN3 image, made through the Fourier features of the synthesis input (as the
 * reference gen_images.py --translate/--rotate make it): rotate by {@code rotateDegrees}, then
 * translate by (tx, ty), in units of the input canvas (about the image's width).
 *
 * <p>The input samples the features of pixel position x at S x, S being the [3, 3] transform the
 * network stores. Moving the image it draws by M shows at x what was at M^-1 x, F(S M^-1 x), so
 * the moved network's transform is S M^-1 ({@link #movedFrom}). gen_images.py writes M^-1 into
 * the buffer whatever it held, which is the same for a network stored with the identity. Moving by
 * M1 and then by M2 is moving by M2 M1.
 */
public record ImageTransform(double translateX, double translateY, double rotateDegrees) {

    public static final ImageTransform IDENTITY = new ImageTransform(0, 0, 0);

    public ImageTransform {
        if (!Double.isFinite(translateX) || !Double.isFinite(translateY) || !Double.isFinite(rotateDegrees)) {
            throw new IllegalArgumentException("translation and rotation must be finite numbers");
        }
    }

    /**
     * M^-1, the inverse of M = [[c, s, tx], [-s, c, ty], [0, 0, 1]] (c, s the cosine and sine of the
     * angle), row-major: [[c, -s, s ty - c tx], [s, c, -s tx - c ty], [0, 0, 1]].
     */
    public float[] inverseMatrix() {
        double[] m = inverse();
        float[] out = new float[9];
        for (int i = 0; i < 9; i++) {
            out[i] = (float) m[i];
        }
        return out;
    }

    /**
     * The transform that draws a network stored with {@code stored} (row-major [3, 3]) moved by this:
     * stored M^-1, multiplied in double and rounded to float once. From the identity it is
     * {@link #inverseMatrix()} exactly.
     */
    public float[] movedFrom(float[] stored) {
        if (stored.length != 9) {
            throw new IllegalArgumentException("a stored transform is 3 x 3, got " + stored.length + " numbers");
        }
        double[] inverse = inverse();
        float[] out = new float[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += (double) stored[row * 3 + k] * inverse[k * 3 + col];
                }
                out[row * 3 + col] = (float) sum;
            }
        }
        return out;
    }

    private double[] inverse() {
        double angle = Math.toRadians(rotateDegrees);
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new double[] {
            c, -s, s * translateY - c * translateX,
            s, c, -s * translateX - c * translateY,
            0, 0, 1,
        };
    }
}
