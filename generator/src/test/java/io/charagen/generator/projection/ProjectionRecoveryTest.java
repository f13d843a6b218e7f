package io.charagen.generator.projection;

import io.charagen.generator.nn.Generator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The projector recovers a known w: the image of a seed (psi 0.7) projected with the default options
 * comes back close to the target, far closer than the w_avg image it starts from.
 */
class ProjectionRecoveryTest {

    /**
     * Measured with the defaults (100 steps) on sg2-64: mean squared error 0.093 (seed 1) and 0.125
     * (seed 2), from 3.44 and 6.46 at w_avg. This random-weight network draws far outside [-1, 1], hence
     * the large absolute figures; the bounds leave a factor of 2 or more.
     */
    private static final double MAX_ERROR = 0.25;
    private static final double MAX_FRACTION_OF_START = 0.1;

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void recoversTheImageOfASeed(long seed) throws Exception {
        try (Generator g = ProjectionFixtures.generator("sg2-64")) {
            Projector projector = new Projector(g);
            ProjectionOptions options = ProjectionOptions.defaults();
            float[] target = ProjectionFixtures.seedImage(g, seed, 0.7);
            float[] start = ProjectionFixtures.imageOf(g,
                    ProjectionFixtures.averageWs(g, projector.statistics(options.wStatisticsSamples())));
            ProjectionResult result = projector.project(target, ProjectionFixtures.fullMask(g), options, null, null);
            double startError = ProjectionFixtures.meanSquaredError(start, target);
            double error = ProjectionFixtures.meanSquaredError(ProjectionFixtures.imageOf(g, result.ws()), target);
            System.out.printf("sg2-64 seed %d: %d steps in %.1f s (%.1f ms/step); mean squared error %.4f at w_avg,"
                            + " %.4f projected (%.1fx smaller); final loss %.4f%n", seed, result.steps(),
                    result.elapsed().toMillis() / 1e3, result.elapsed().toMillis() / (double) result.steps(),
                    startError, error, startError / error, result.finalLoss());
            assertTrue(error < MAX_ERROR, "sg2-64 seed " + seed + ": projected error " + error + " exceeds " + MAX_ERROR);
            assertTrue(error < MAX_FRACTION_OF_START * startError, "sg2-64 seed " + seed + ": projected error "
                    + error + " is not below " + MAX_FRACTION_OF_START + " of the starting error " + startError);
        }
    }
}
