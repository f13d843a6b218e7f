package io.charagen.generator.nn.discriminator;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.charagen.generator.FixtureFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every block's features, the logits and the gradient of a feature distance of a fixture's D match
 * our Python implementation run on the same pkl.
 */
class DiscriminatorParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void featuresAndLogitsMatchThePythonDiscriminator(String name, @TempDir Path dir) throws Exception {
        ReferenceDiscriminator.run(name, dir, 7);
        try (Discriminator d = Discriminator.read(FixtureFiles.pkl(name), Device.cpu());
             NDManager m = NDManager.newBaseManager(Device.cpu())) {
            for (String batch : new String[] {"quiet", "loud"}) {
                NDArray images = ReferenceDiscriminator.load(m, dir, batch + "-images");
                NDList features = d.features(images);
                assertEquals(4, features.size(), name + ": blocks b64, b32, b16, b8");
                for (int i = 0; i < features.size(); i++) {
                    check(name, batch, "features" + i, features.get(i), ReferenceDiscriminator.load(m, dir,
                            batch + "-features" + i));
                }
                check(name, batch, "logits", d.logits(images), ReferenceDiscriminator.load(m, dir, batch + "-logits"));
                NDArray pair = images.get("0:2");
                check(name, batch, "logits of 2", d.logits(pair), ReferenceDiscriminator.load(m, dir,
                        batch + "-logits2"));
            }
            checkGradient(name, d, m, dir);
        }
    }

    /**
     * The projector's use: d/dx of sum over blocks of mean((f(x) - f(t))^2) for a fixed target t.
     * It must exist, be finite, and match the Python network's autograd.
     */
    private static void checkGradient(String name, Discriminator d, NDManager m, Path dir) throws Exception {
        NDArray images = ReferenceDiscriminator.load(m, dir, "quiet-images");
        NDList reached = d.features(ReferenceDiscriminator.load(m, dir, "grad-target"));
        NDArray loss;
        NDArray grad;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            images.setRequiresGradient(true);
            NDList features = d.features(images);
            loss = m.zeros(new Shape());
            for (int i = 0; i < features.size(); i++) {
                loss = loss.add(features.get(i).sub(reached.get(i)).square().mean());
            }
            gc.backward(loss);
            grad = images.getGradient().duplicate();
        }
        check(name, "distance", "loss", loss.reshape(1), ReferenceDiscriminator.load(m, dir, "grad-loss"));
        assertTrue(grad.isInfinite().logicalOr(grad.isNaN()).none().getBoolean(), name + ": gradient not finite");
        assertTrue(grad.abs().max().getFloat() > 0, name + ": gradient is zero");
        // The gradient's values are ~1e-5 (a mean over every feature), so its bound is relative: 1e-4 of the largest.
        NDArray reference = ReferenceDiscriminator.load(m, dir, "grad-images");
        check(name, "distance", "d loss / d images", grad, reference, 1e-4 * reference.abs().max().getFloat());
    }

    /**
     * Absolute error below 1e-4 for images in [-1, 1]; the loud batch's activations reach the
     * hundreds, where float32 rounding alone is ~3e-5 a value, so there the bound is 1e-6 relative to
     * the largest magnitude (at least 1e-4).
     */
    private static void check(String name, String batch, String what, NDArray ours, NDArray reference) {
        check(name, batch, what, ours, reference, Math.max(1e-4, 1e-6 * reference.abs().max().getFloat()));
    }

    private static void check(String name, String batch, String what, NDArray ours, NDArray reference,
                              double tolerance) {
        double err = FixtureFiles.maxAbsDiff(ours, reference);
        double largest = reference.abs().max().getFloat();
        System.out.printf("%s %s %s %s: max |error| %.2e (largest |value| %.3g, bound %.1e)%n", name,
                batch, what, ours.getShape(), err, largest, tolerance);
        assertTrue(err < tolerance, name + " " + batch + " " + what + ": max |error| " + err + " >= " + tolerance);
    }
}
