package io.charagen.generator.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorrectlyRoundedLogTest {

    /** Inputs where glibc's log is one ulp off; expected values from mpmath at 200 bits. */
    @ParameterizedTest
    @CsvSource({
        "0x1.6c2153e00d1a2p-1, -0.3408131672688638",
        "0x1.23d6f3e37b4f2p-1, -0.5621200867921534",
        "0x1.cbdef14d58d30p-1, -0.10737889349039915",
    })
    void matchesHighPrecisionReference(String hexInput, double expected) {
        assertEquals(expected, CorrectlyRoundedLog.log(Double.parseDouble(hexInput)));
    }

    @Test
    void exactAndSpecialValues() {
        assertEquals(0.0, CorrectlyRoundedLog.log(1.0));
        assertEquals(0x1.62e42fefa39efp-1, CorrectlyRoundedLog.log(2.0));
        assertEquals(-744.4400719213812, CorrectlyRoundedLog.log(Double.MIN_VALUE));
        assertEquals(Double.NEGATIVE_INFINITY, CorrectlyRoundedLog.log(0.0));
        assertTrue(Double.isNaN(CorrectlyRoundedLog.log(-1.0)));
    }

    @Test
    void withinOneUlpOfMathLogEverywhere() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong(1L, 0x7ff0_0000_0000_0000L));
            double got = CorrectlyRoundedLog.log(x);
            assertEquals(Math.log(x), got, Math.ulp(got), () -> "log(" + Double.toHexString(x) + ")");
        }
    }
}
