package io.charagen.generator.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values were produced once with numpy 2.4.6 on Linux (glibc 2.36), e.g.
 * {@code python3 -c 'import numpy as np; z = np.random.RandomState(7).randn(1, 512)[0];
 * print([repr(float(v)) for v in z[:4]], repr(float(z[-1])))'} and
 * {@code np.random.RandomState(0)._bit_generator.random_raw(3)}.
 */
class NumpyRandomStateTest {

    @Test
    void rawWordsMatchNumpy() {
        NumpyRandomState zero = new NumpyRandomState(0);
        assertEquals(2357136044L, zero.nextUint32());
        assertEquals(2546248239L, zero.nextUint32());
        assertEquals(3071714933L, zero.nextUint32());
        for (int i = 3; i < 999; i++) {
            zero.nextUint32();
        }
        assertEquals(3043451800L, zero.nextUint32(), "word 1000 comes from the second twist of the state");
        // The reference implementation's first output for its default seed.
        assertEquals(3499211612L, new NumpyRandomState(5489).nextUint32());
    }

    @Test
    void randomDoublesMatchRandomSample() {
        NumpyRandomState zero = new NumpyRandomState(0);
        assertEquals(0.5488135039273248, zero.randomDouble());
        assertEquals(0.7151893663724195, zero.randomDouble());
        assertEquals(0.6027633760716439, zero.randomDouble());
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({
        "7, 1.690525703800356, -0.4659373705408328, 0.0328201636785844, 0.40751628299650783, -1.779308714189156",
        "123456, 0.4691122999071863, -0.2828633443286633, -1.5090585031735124, -1.1356323710171934, 1.3267679615728754",
        "4294967295, 0.6484086742306527, 0.6693235306338161, -1.0805437227474493, 0.2845010447986309, -0.16334506047141822",
    })
    void latentOf512MatchesNumpyAtBothEnds(long seed, double z0, double z1, double z2, double z3, double z511) {
        double[] z = NumpyRandomState.gaussianLatent(seed, 512);
        assertEquals(512, z.length);
        assertArrayEquals(new double[] {z0, z1, z2, z3, z511}, new double[] {z[0], z[1], z[2], z[3], z[511]});
    }

    @Test
    void secondValueOfAPairIsKeptAcrossCalls() {
        NumpyRandomState oneByOne = new NumpyRandomState(42);
        double[] together = new NumpyRandomState(42).randn(5);
        for (double value : together) {
            assertEquals(value, oneByOne.randn(1)[0]);
        }
    }

    /**
     * glibc's log rounds log(r2) differently from the correctly rounded value here for about 1 in
     * 2800 pairs; seed 21's 8th pair is one. numpy gives 0.6919237106508976 and
     * -0.4481156025763554; this class is one ulp away on both, and exact elsewhere.
     */
    @Test
    void knownGlibcLogDivergenceIsOneUlp() {
        double[] z = NumpyRandomState.gaussianLatent(21, 16);
        assertNotEquals(0.6919237106508976, z[14]);
        assertEquals(0.6919237106508976, z[14], Math.ulp(z[14]));
        assertEquals(-0.4481156025763554, z[15], Math.ulp(z[15]));
    }

    @Test
    void rejectsSeedsOutsideUnsigned32Bits() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(-1));
        assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> NumpyRandomState.gaussianLatent(1L << 32, 64));
    }
}
