package io.charagen.generator.projection;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The learning-rate and noise schedules at their ends and ramp boundaries (defaults: 0.1, 5%, 25%; 0.05, 75%). */
class ProjectionScheduleTest {

    private static final ProjectionOptions OPTIONS = ProjectionOptions.defaults();

    @Test
    void learningRateRampsUpHoldsAndRampsDown() {
        assertEquals(0, ProjectionSchedule.learningRate(OPTIONS, 0), 1e-12);
        assertEquals(0.05, ProjectionSchedule.learningRate(OPTIONS, 0.025), 1e-12, "half way up the linear ramp");
        assertEquals(0.1, ProjectionSchedule.learningRate(OPTIONS, 0.05), 1e-12);
        assertEquals(0.1, ProjectionSchedule.learningRate(OPTIONS, 0.5), 1e-12);
        assertEquals(0.1, ProjectionSchedule.learningRate(OPTIONS, 0.75), 1e-12);
        assertEquals(0.05, ProjectionSchedule.learningRate(OPTIONS, 0.875), 1e-12, "half way down the cosine");
        assertEquals(0, ProjectionSchedule.learningRate(OPTIONS, 1), 1e-12);
    }

    @Test
    void noiseDecaysQuadraticallyToZero() {
        double spread = 8;
        assertEquals(0.4, ProjectionSchedule.noiseStrength(OPTIONS, spread, 0), 1e-12);
        assertEquals(0.1, ProjectionSchedule.noiseStrength(OPTIONS, spread, 0.375), 1e-12, "(1/2)^2 at half the ramp");
        assertEquals(0, ProjectionSchedule.noiseStrength(OPTIONS, spread, 0.75), 1e-12);
        assertEquals(0, ProjectionSchedule.noiseStrength(OPTIONS, spread, 1), 1e-12);
    }

    @Test
    void zeroLengthRampsAreNoRamps() {
        ProjectionOptions flat = OPTIONS.withLearningRateRamps(0, 0).withNoise(0.05, 0);
        assertEquals(0.1, ProjectionSchedule.learningRate(flat, 0), 1e-12);
        assertEquals(0.1, ProjectionSchedule.learningRate(flat, 1), 1e-12);
        assertEquals(0, ProjectionSchedule.noiseStrength(flat, 8, 0), 1e-12);
    }

    @Test
    void stepsSitInTheMiddleOfTheirSlice() {
        assertEquals(0.125, ProjectionSchedule.progress(0, 4), 1e-12);
        assertEquals(0.875, ProjectionSchedule.progress(3, 4), 1e-12);
        assertEquals(0.5, ProjectionSchedule.progress(0, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ProjectionSchedule.progress(4, 4));
    }

    @Test
    void optionsRejectNonsense() {
        var e = assertThrows(IllegalArgumentException.class, () -> OPTIONS.withSteps(-1));
        assertEquals("steps must be at least 0, got -1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withLearningRateRamps(1.5, 0.25));
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withInitialLearningRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withPixelScales(java.util.List.of()));
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withPixelScales(java.util.List.of(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withWStatisticsSamples(1));
    }
}
