package io.charagen.generator.nn;

/**
 * A translation and rotation of a StyleGAN3 image, applied through the Fourier features of the
 * synthesis input (as the reference gen_images.py --translate/--rotate do): the input is sampled
 * through the inverse of "rotate by {@code rotateDegrees}, then translate by (tx, ty)", with
 * translations in units of the input canvas (about the image's width).
 */
public record ImageTransform(double translateX, double translateY, double rotateDegrees) {

    public static final ImageTransform IDENTITY = new ImageTransform(0, 0, 0);

    public ImageTransform {
        if (!Double.isFinite(translateX) || !Double.isFinite(translateY) || !Double.isFinite(rotateDegrees)) {
            throw new IllegalArgumentException("translation and rotation must be finite numbers");
        }
    }

    /**
     * The inverse of [[c, s, tx], [-s, c, ty], [0, 0, 1]] (c, s the cosine and sine of the angle),
     * row-major: [[c, -s, s ty - c tx], [s, c, -s tx - c ty], [0, 0, 1]].
     */
    public float[] inverseMatrix() {
        double angle = Math.toRadians(rotateDegrees);
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new float[] {
            (float) c, (float) -s, (float) (s * translateY - c * translateX),
            (float) s, (float) c, (float) (-s * translateX - c * translateY),
            0f, 0f, 1f,
        };
    }
}
