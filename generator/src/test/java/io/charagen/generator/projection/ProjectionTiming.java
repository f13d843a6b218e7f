package io.charagen.generator.projection;

import io.charagen.generator.nn.Generator;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Time per step and error against step count on the fixture networks; a measurement, not a test:
 * runs only with -Dcharagen.projection.timing=true.
 */
@EnabledIfSystemProperty(named = "charagen.projection.timing", matches = "true")
class ProjectionTiming {

    @ParameterizedTest
    @ValueSource(strings = {"sg3t-64", "sg2-64"})
    void measure(String name) throws Exception {
        try (Generator g = ProjectionFixtures.generator(name)) {
            Projector projector = new Projector(g);
            long t0 = System.nanoTime();
            WStatistics stats = projector.statistics(4096);
            System.out.printf("%s: w statistics from 4096 samples in %.2f s, spread %.3f%n", name,
                    (System.nanoTime() - t0) / 1e9, stats.spread());
            float[] start = ProjectionFixtures.imageOf(g, ProjectionFixtures.averageWs(g, stats));
            for (long seed : new long[] {1, 2}) {
                float[] target = ProjectionFixtures.seedImage(g, seed, 0.7);
                double startErr = ProjectionFixtures.meanSquaredError(start, target);
                for (int steps : new int[] {20, 50, 100, 200}) {
                    ProjectionResult r = projector.project(target, ProjectionFixtures.fullMask(g),
                            ProjectionOptions.defaults().withSteps(steps), null, null);
                    double err = ProjectionFixtures.meanSquaredError(ProjectionFixtures.imageOf(g, r.ws()), target);
                    System.out.printf("%s seed %d: %4d steps, %.1f ms/step, mse start %.5f -> %.6f (final loss %.6f)%n",
                            name, seed, steps, r.elapsed().toNanos() / 1e6 / steps, startErr, err, r.finalLoss());
                }
            }
        }
    }
}
