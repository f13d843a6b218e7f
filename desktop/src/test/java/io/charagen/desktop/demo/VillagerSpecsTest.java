package io.charagen.desktop.demo;

import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.character.PipelineListener.Stage;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VillagerSpecsTest {

    @Test
    void villagersTakeConsecutiveSeedsDistinctNamesKnownArchetypesAndNeutralFirst() {
        List<String> archetypes = List.of("hero", "elder");
        VillagerSpecs specs = new VillagerSpecs(41, 30, archetypes, List.of("happy", "sad", "angry"));
        Set<String> names = new HashSet<>();
        for (int k = 0; k < 40; k++) {
            CharacterSpec spec = specs.villager(k);
            assertEquals(41 + k, spec.seed());
            assertEquals(30, spec.projectionSteps());
            assertTrue(archetypes.contains(spec.archetype()));
            assertTrue(names.add(spec.name()), "name " + spec.name() + " twice");
            assertEquals(List.of("neutral", "happy", "sad", "angry"), spec.expressions().stream().map(ExpressionChoice::name).toList());
        }
    }

    @Test
    void withoutArchetypesVillagersHaveNoneAndFacesStopAtASheetsWorth() {
        VillagerSpecs specs = new VillagerSpecs(0, 5, List.of(), List.of("a", "b", "c", "d", "e", "f", "g", "h", "neutral"));
        assertNull(specs.villager(0).archetype());
        assertEquals(CharacterSpec.MAX_FACES, specs.villager(0).expressions().size());
        assertEquals("neutral", specs.villager(0).expressions().get(0).name());
    }

    @Test
    void progressRisesThroughTheStagesFromZeroToOne() {
        float last = -1;
        for (Stage stage : Stage.values()) {
            for (int done = 0; done <= 10; done++) {
                float f = GenerationProgress.fraction(stage, done, 10);
                assertTrue(f >= last && f <= 1, stage + " " + done + ": " + f + " after " + last);
                last = f;
            }
        }
        assertEquals(0f, GenerationProgress.fraction(Stage.SPRITE, 0, 1));
        assertEquals(1f, GenerationProgress.fraction(Stage.PORTRAITS, 6, 6), 1e-6);
    }
}
