package io.charagen.generator.nn.discriminator;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.charagen.generator.FixtureFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every block's features and the logits of a fixture's D match our Python implementation on the same pkl. */
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
        }
    }

    /**
     * Absolute error below 1e-4 for images in [-1, 1]; the loud batch's activations reach the
     * hundreds, where float32 rounding alone is ~3e-5 a value, so there the bound is 1e-6 relative to
     * the largest magnitude (at least 1e-4).
     */
    private static void check(String name, String batch, String what, NDArray ours, NDArray reference) {
        double err = FixtureFiles.maxAbsDiff(ours, reference);
        double largest = reference.abs().max().getFloat();
        double tolerance = Math.max(1e-4, 1e-6 * largest);
        System.out.printf("%s %s %s %s: max |error| %.2e (largest |value| %.3g)%n", name, batch, what,
                ours.getShape(), err, largest);
        assertTrue(err < tolerance, name + " " + batch + " " + what + ": max |error| " + err + " >= " + tolerance);
    }
}
