package io.charagen.generator.projection;

import io.charagen.generator.nn.Generator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The projector on the StyleGAN2 fixture (64 x 64, 10 ws of 64; a step costs a tenth of StyleGAN3-T's). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectorTest {

    private static final String FIXTURE = "sg2-64";
    /** Few steps and few w samples keep the tests that do not measure quality quick. */
    private static final ProjectionOptions QUICK = ProjectionOptions.defaults().withSteps(8).withSeed(7)
            .withWStatisticsSamples(512);

    private Generator generator;
    private Projector projector;

    @BeforeAll
    void load() throws Exception {
        generator = ProjectionFixtures.generator(FIXTURE);
        projector = new Projector(generator);
    }

    @AfterAll
    void close() {
        generator.close();
    }

    @Test
    void sameSeedAndOptionsGiveTheSameWsBitForBit() {
        float[] target = ProjectionFixtures.seedImage(generator, 5, 0.7);
        float[] mask = ProjectionFixtures.fullMask(generator);
        ProjectionResult first = projector.project(target, mask, QUICK, null, null);
        ProjectionResult second = projector.project(target, mask, QUICK, null, null);
        assertArrayEquals(first.ws(), second.ws(), "ws of two runs with seed 7");
        assertArrayEquals(first.lossHistory(), second.lossHistory(), "loss histories of two runs with seed 7");
        ProjectionResult otherSeed = projector.project(target, mask, QUICK.withSeed(8), null, null);
        assertFalse(java.util.Arrays.equals(first.ws(), otherSeed.ws()), "seed 8 drew the same noise as seed 7");
    }

    @Test
    void pixelsOutsideTheMaskDoNotMatter() {
        int res = generator.resolution();
        float[] target = ProjectionFixtures.seedImage(generator, 5, 0.7);
        float[] mask = new float[res * res];
        float[] changed = target.clone();
        for (int y = 0; y < res; y++) {
            for (int x = 0; x < res; x++) {
                boolean inside = x >= 13 && x < 47 && y >= 9 && y < 58; // not aligned to the 4 x 4 pooling grid
                mask[y * res + x] = inside ? (x == 13 ? 0.5f : 1f) : 0f;
                if (!inside) {
                    for (int c = 0; c < 3; c++) {
                        changed[(c * res + y) * res + x] = -target[(c * res + y) * res + x] + 0.3f;
                    }
                }
            }
        }
        ProjectionResult a = projector.project(target, mask, QUICK, null, null);
        ProjectionResult b = projector.project(changed, mask, QUICK, null, null);
        assertArrayEquals(a.ws(), b.ws(), "targets that differ only outside the mask gave different ws");
        ProjectionResult full = projector.project(changed, ProjectionFixtures.fullMask(generator), QUICK, null, null);
        assertFalse(java.util.Arrays.equals(a.ws(), full.ws()), "with a full mask the outside pixels must count");
    }

    @Test
    void cancellingAfterThreeStepsStopsThere() {
        List<Integer> heard = new ArrayList<>();
        ProjectionListener listener = (step, steps, loss, lr, noise) -> {
            assertEquals(QUICK.steps(), steps);
            assertTrue(Double.isFinite(loss) && loss >= 0, "loss " + loss);
            heard.add(step);
        };
        var e = assertThrows(CancellationException.class, () -> projector.project(
                ProjectionFixtures.seedImage(generator, 5, 0.7), ProjectionFixtures.fullMask(generator), QUICK,
                listener, () -> heard.size() == 3));
        assertEquals(List.of(1, 2, 3), heard);
        assertEquals("projection cancelled after step 3 of 8", e.getMessage());
    }

    @Test
    void listenerHearsEveryStepWithTheSchedule() {
        List<double[]> heard = new ArrayList<>();
        ProjectionResult r = projector.project(ProjectionFixtures.seedImage(generator, 5, 0.7),
                ProjectionFixtures.fullMask(generator), QUICK, (step, steps, loss, lr, noise) ->
                        heard.add(new double[] {step, loss, lr, noise}), null);
        assertEquals(QUICK.steps(), heard.size());
        assertEquals(QUICK.steps(), r.steps());
        WStatistics stats = projector.statistics(QUICK.wStatisticsSamples());
        for (int i = 0; i < heard.size(); i++) {
            double t = ProjectionSchedule.progress(i, QUICK.steps());
            assertEquals(i + 1, (int) heard.get(i)[0]);
            assertEquals(r.lossHistory()[i], heard.get(i)[1]);
            assertEquals(ProjectionSchedule.learningRate(QUICK, t), heard.get(i)[2], 1e-12);
            assertEquals(ProjectionSchedule.noiseStrength(QUICK, stats.spread(), t), heard.get(i)[3], 1e-12);
        }
        assertEquals(generator.numWs() * generator.wDim(), r.ws().length);
        assertTrue(Double.isFinite(r.finalLoss()));
    }

    @Test
    void perceptualTermJoinsThePixelLoss() {
        float[] target = ProjectionFixtures.seedImage(generator, 5, 0.7);
        float[] mask = ProjectionFixtures.fullMask(generator);
        ProjectionOptions options = QUICK.withSteps(3);
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            var features = new PerceptualLossTest.RandomFeatures(m.randomNormal(new ai.djl.ndarray.types.Shape(8, 3, 3, 3)));
            ProjectionResult pixels = projector.project(target, mask, options, null, null);
            ProjectionResult both = new Projector(generator, features).project(target, mask, options, null, null);
            assertTrue(both.lossHistory()[0] > pixels.lossHistory()[0], "the first step's loss did not grow with the"
                    + " perceptual term: " + both.lossHistory()[0] + " vs " + pixels.lossHistory()[0]);
            ProjectionResult weightless = new Projector(generator, features).project(target, mask,
                    options.withPerceptualWeight(0), null, null);
            assertArrayEquals(pixels.ws(), weightless.ws(), "perceptual weight 0 must leave pixels alone");
        }
    }

    @Test
    void badInputNamesTheExpectedSize() {
        float[] target = ProjectionFixtures.seedImage(generator, 5, 0.7);
        float[] mask = ProjectionFixtures.fullMask(generator);
        var shortTarget = assertThrows(IllegalArgumentException.class,
                () -> projector.project(new float[100], mask, QUICK, null, null));
        assertTrue(shortTarget.getMessage().contains("12288") && shortTarget.getMessage().contains("got 100"),
                shortTarget.getMessage());
        var shortMask = assertThrows(IllegalArgumentException.class,
                () -> projector.project(target, new float[4096 * 3], QUICK, null, null));
        assertTrue(shortMask.getMessage().contains("4096") && shortMask.getMessage().contains("got 12288"),
                shortMask.getMessage());
        float[] emptyMask = new float[4096];
        assertThrows(IllegalArgumentException.class, () -> projector.project(target, emptyMask, QUICK, null, null));
        float[] badMask = mask.clone();
        badMask[17] = 1.5f;
        var outOfRange = assertThrows(IllegalArgumentException.class,
                () -> projector.project(target, badMask, QUICK, null, null));
        assertTrue(outOfRange.getMessage().contains("mask value 17"), outOfRange.getMessage());
        float[] nanTarget = target.clone();
        nanTarget[3] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> projector.project(nanTarget, mask, QUICK, null, null));
        var scale = assertThrows(IllegalArgumentException.class, () -> projector.project(target, mask,
                QUICK.withPixelScales(List.of(1, 3)), null, null));
        assertTrue(scale.getMessage().contains("pixel scale 3"), scale.getMessage());
    }
}
