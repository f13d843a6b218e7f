package io.charagen.generator.projection;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.latent.NumpyRandomState;
import io.charagen.generator.nn.Generator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Projections from a given start (a head encoder's w) and with 0 steps, on the StyleGAN2 fixture. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionStartTest {

    private static final ProjectionOptions QUICK = ProjectionOptions.defaults().withSteps(3).withSeed(7)
            .withWStatisticsSamples(512);

    private Generator generator;
    private Projector projector;
    private float[] targetWs;
    private float[] target;
    private float[] mask;

    @BeforeAll
    void load() throws Exception {
        generator = ProjectionFixtures.generator("sg2-64");
        projector = new Projector(generator);
        try (NDManager m = NDManager.newBaseManager(generator.device())) {
            targetWs = generator.map(m.create(NumpyRandomState.gaussianLatent(5, generator.zDim()),
                    new Shape(1, generator.zDim())), null, 0.7, null).toFloatArray();
        }
        target = ProjectionFixtures.imageOf(generator, targetWs);
        mask = ProjectionFixtures.fullMask(generator);
    }

    @AfterAll
    void close() {
        generator.close();
    }

    @Test
    void zeroStepsGiveTheStartAndItsLoss() {
        ProjectionResult atTarget = projector.project(target, mask, targetWs, QUICK.withSteps(0), null, null);
        assertArrayEquals(targetWs, atTarget.ws(), "0 steps keep the start");
        assertEquals(0, atTarget.steps());
        assertEquals(0, atTarget.lossHistory().length);
        assertTrue(atTarget.finalLoss() < 1e-6, "the target's own ws draw it: loss " + atTarget.finalLoss());

        ProjectionResult atAverage = projector.project(target, mask, QUICK.withSteps(0), null, null);
        assertArrayEquals(ProjectionFixtures.averageWs(generator, projector.statistics(512)), atAverage.ws(),
                "without a start, 0 steps keep w_avg");
        assertTrue(atAverage.finalLoss() > 100 * atTarget.finalLoss() + 1e-4, "w_avg is farther: " + atAverage.finalLoss());
    }

    @Test
    void stepsRefineTheStart() {
        float[] start = ProjectionFixtures.averageWs(generator, projector.statistics(512));
        for (int i = 0; i < start.length; i++) {
            start[i] = 0.5f * (start[i] + targetWs[i]); // halfway to the target
        }
        ProjectionResult refined = projector.project(target, mask, start, QUICK, null, null);
        assertEquals(3, refined.steps());
        assertFalse(Arrays.equals(start, refined.ws()), "the steps moved w");
        ProjectionResult fromAverage = projector.project(target, mask, QUICK, null, null);
        assertTrue(refined.finalLoss() < fromAverage.finalLoss(), "a start halfway there ends closer: "
                + refined.finalLoss() + " vs " + fromAverage.finalLoss() + " from w_avg");
    }

    @Test
    void withoutAStartTheProjectionIsTheOneFromWAvg() {
        ProjectionResult plain = projector.project(target, mask, QUICK, null, null);
        ProjectionResult noStart = projector.project(target, mask, null, QUICK, null, null);
        assertArrayEquals(plain.ws(), noStart.ws());
        assertArrayEquals(plain.lossHistory(), noStart.lossHistory());
    }

    @Test
    void aStartOfTheWrongSizeOrNotFiniteIsRefused() {
        var wrong = assertThrows(IllegalArgumentException.class,
                () -> projector.project(target, mask, new float[64], QUICK, null, null));
        assertTrue(wrong.getMessage().contains("got 64") && wrong.getMessage().contains(Integer.toString(targetWs.length)),
                wrong.getMessage());
        float[] nan = targetWs.clone();
        nan[9] = Float.NaN;
        var notFinite = assertThrows(IllegalArgumentException.class,
                () -> projector.project(target, mask, nan, QUICK, null, null));
        assertTrue(notFinite.getMessage().contains("start ws value 9"), notFinite.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QUICK.withSteps(-1));
    }
}
