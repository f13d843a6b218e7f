package io.charagen.generator.checkpoint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-made bad checkpoints (made by bad-checkpoints/make_corpus.py): converting any of
 * them to a bundle fails with an error that names the file and the specific problem, runs
 * nothing, and writes nothing.
 */
class BadCheckpointCorpusTest {

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("os-system.pkl", "global 'os.system'"),
                Arguments.of("os-system-protocol2.pkl", "global 'os.system'"),
                Arguments.of("builtins-eval.pkl", "global 'builtins.eval'"),
                Arguments.of("torch-module-class.pkl", "global 'torch.nn.modules.linear.Linear'"),
                Arguments.of("storage-names-os-system.pkl", "tensor storage: the pickle names global 'os.system'"),
                Arguments.of("inst-opcode.pkl", "INST opcode"),
                Arguments.of("obj-opcode.pkl", "OBJ opcode"),
                Arguments.of("ext-opcode.pkl", "EXT (copyreg extension registry) opcode"),
                Arguments.of("persistent-id.pkl", "persistent id"),
                Arguments.of("build-on-dict.pkl", "BUILD (__setstate__) on a dict"),
                Arguments.of("empty.pkl", "the file is empty"),
                Arguments.of("random-bytes.pkl", "not a pickle of protocol 2 or later"),
                Arguments.of("protocol0-list.pkl", "not a pickle of protocol 2 or later"),
                Arguments.of("plain-list.pkl", "the pickle holds a list, expected a dict with a 'G_ema' network"),
                Arguments.of("no-g-ema.pkl", "it has no 'G_ema' network"),
                Arguments.of("g-ema-not-a-network.pkl", "'G_ema' is a list, expected a network"),
                Arguments.of("unknown-architecture.pkl", "unknown architecture"),
                Arguments.of("positional-args.pkl", "built with positional arguments"),
                Arguments.of("storage-data-short.pkl", "declares 16 float32 elements (64 bytes) but only 40 bytes follow"),
                Arguments.of("tensor-beyond-storage.pkl", "reaches element 15 but its storage holds only 10 elements"),
                Arguments.of("tensor-too-large.pkl", "is too large"),
                Arguments.of("storage-wrong-magic.pkl", "wrong magic number"),
                Arguments.of("huge-bytes-declared.pkl", "declares a bytes object of 1152921504606846976 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAClearError(String file, String problem, @TempDir Path out) throws IOException {
        Path pkl = TestFiles.resource("bad-checkpoints/" + file);

        CheckpointException e = assertThrows(CheckpointException.class,
                () -> SnapshotExporter.export(pkl, out.resolve("model.json"), "model", "sprite", false));

        assertTrue(e.getMessage().startsWith(pkl.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "names the problem: " + e.getMessage());
        assertFalse(Files.exists(TestFiles.CODE_RAN_MARKER), "the pickle ran code");
        try (Stream<Path> written = Files.list(out)) {
            assertEquals(List.of(), written.toList(), "nothing is written");
        }
    }

    @Test
    void everyFileOfTheCorpusIsTested() throws IOException {
        Set<String> listed = corpus().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(TestFiles.resource("bad-checkpoints"))) {
            Set<String> present = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".pkl"))
                    .collect(Collectors.toSet());
            assertEquals(present, listed);
        }
    }

    @AfterAll
    static void noPickleEverRanCode() {
        assertFalse(Files.exists(TestFiles.CODE_RAN_MARKER), "a hostile pickle ran code");
    }
}
