package io.charagen.generator.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfFloatTest {

    @Test
    void convertsNormalSubnormalAndSpecialHalves() {
        assertEquals(1.0f, HalfFloat.toFloat((short) 0x3c00));
        assertEquals(-2.0f, HalfFloat.toFloat((short) 0xc000));
        assertEquals(65504.0f, HalfFloat.toFloat((short) 0x7bff)); // largest half
        assertEquals(0x1p-24f, HalfFloat.toFloat((short) 0x0001)); // smallest subnormal
        assertEquals(0x1.ff8p-15f, HalfFloat.toFloat((short) 0x03ff)); // largest subnormal
        assertEquals(-0.0f, HalfFloat.toFloat((short) 0x8000));
        assertEquals(Float.NEGATIVE_INFINITY, HalfFloat.toFloat((short) 0xfc00));
        assertTrue(Float.isNaN(HalfFloat.toFloat((short) 0x7e00)));
    }
}
