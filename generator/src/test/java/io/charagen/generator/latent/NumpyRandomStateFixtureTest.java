package io.charagen.generator.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.charagen.generator.io.NpyTestReader;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The latents in the reference fixtures: float64 RandomState(seed).randn(1, 64). */
class NumpyRandomStateFixtureTest {

    @ParameterizedTest(name = "{0} z/{1}")
    @CsvSource({
        "sg2-64.npz, 0", "sg2-64.npz, 1", "sg2-64.npz, 42",
        "sg3t-64.npz, 0", "sg3t-64.npz, 1", "sg3t-64.npz, 42",
        "sg3r-64.npz, 0", "sg3r-64.npz, 1", "sg3r-64.npz, 42",
    })
    void gaussianLatentEqualsFixtureBitForBit(String file, long seed) throws IOException {
        NpyTestReader expected = NvlabsFixtures.npzEntry(file, "z/" + seed);
        assertArrayEquals(new long[] {1, 64}, expected.shape());

        double[] actual = NumpyRandomState.gaussianLatent(seed, 64);

        double[] want = expected.doubles();
        for (int i = 0; i < want.length; i++) {
            assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(actual[i]),
                    "seed " + seed + " element " + i + ": " + actual[i] + " vs numpy's " + want[i]);
        }
    }
}
