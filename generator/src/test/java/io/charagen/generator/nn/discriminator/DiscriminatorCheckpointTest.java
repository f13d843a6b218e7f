package io.charagen.generator.nn.discriminator;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.FixtureFiles;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.HostTensor;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.checkpoint.ReferenceSnapshotReader;
import io.charagen.generator.checkpoint.StateDict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A discriminator that does not fit its kwargs, or one we do not run, is refused with a message that says why. */
class DiscriminatorCheckpointTest {

    private static NetworkRecord d;

    @BeforeAll
    static void readFixture() throws Exception {
        d = Discriminator.fromSnapshot(ReferenceSnapshotReader.read(FixtureFiles.pkl("sg2-64"))).orElseThrow();
    }

    @Test
    void buildsFromTheSnapshotsD() throws Exception {
        try (Discriminator disc = Discriminator.create(d, Device.cpu())) {
            assertEquals(64, disc.resolution());
            assertEquals(3, disc.imgChannels());
        }
    }

    @Test
    void aTensorOfTheWrongShapeIsNamedWithTheExpectedShape() {
        String message = refusal(withTensor("b32.conv0.weight", new Shape(64, 64, 1, 1)), d.initKwargs());
        assertTrue(message.contains("'b32.conv0.weight'") && message.contains("(64, 64, 3, 3)"), message);
        message = refusal(withTensor("b4.fc.weight", new Shape(64, 512)), d.initKwargs());
        assertTrue(message.contains("'b4.fc.weight'") && message.contains("(64, 1024)"), message);
    }

    @Test
    void aMissingTensorIsNamed() {
        Map<String, HostTensor> tensors = new LinkedHashMap<>(d.stateDict().asMap());
        tensors.remove("b16.skip.weight");
        String message = refusal(new StateDict(d.stateDict().source(), tensors), d.initKwargs());
        assertTrue(message.contains("missing tensor 'b16.skip.weight'"), message);
    }

    @Test
    void kwargsThatImplyOtherShapesAreCaught() {
        String message = refusal(d.stateDict(), withKwarg("channel_max", 128));
        assertTrue(message.contains("has shape") && message.contains("imply"), message);
    }

    @Test
    void unsupportedVariantsAreRefusedByName() {
        assertTrue(refusal(d.stateDict(), withKwarg("c_dim", 10)).contains("conditional (c_dim 10)"));
        assertTrue(refusal(d.stateDict(), withKwarg("architecture", "skip")).contains("architecture 'skip'"));
        assertTrue(refusal(d.stateDict(), withKwarg("img_resolution", 48)).contains("'img_resolution' is 48"));
        assertTrue(refusal(d.stateDict(), withKwarg("epilogue_kwargs", Map.of("mbstd_num_channels", 3)))
                .contains("'mbstd_num_channels' is 3"));
        Map<String, HostTensor> generatorOnly = new LinkedHashMap<>(d.stateDict().asMap());
        generatorOnly.remove("b4.out.weight");
        assertTrue(refusal(new StateDict("g.pkl", generatorOnly), d.initKwargs())
                .contains("not a StyleGAN2 discriminator"));
    }

    @Test
    void imagesOfAnotherShapeOrABatchTheGroupsDoNotDivideAreRefused() throws Exception {
        try (Discriminator disc = Discriminator.create(d, Device.cpu());
             NDManager m = NDManager.newBaseManager(Device.cpu())) {
            var wrongSize = assertThrows(IllegalArgumentException.class,
                    () -> disc.features(m.zeros(new Shape(1, 3, 32, 32))));
            assertTrue(wrongSize.getMessage().contains("[N, 3, 64, 64]"), wrongSize.getMessage());
            assertThrows(IllegalArgumentException.class, () -> disc.features(m.zeros(new Shape(1, 4, 64, 64))));
            // Features are per image, so any batch works; the logits' minibatch std groups 4 at a time.
            assertEquals(4, disc.features(m.zeros(new Shape(6, 3, 64, 64))).size());
            var batch = assertThrows(IllegalArgumentException.class,
                    () -> disc.logits(m.zeros(new Shape(6, 3, 64, 64))));
            assertTrue(batch.getMessage().contains("batch size 6"), batch.getMessage());
            assertEquals(new Shape(3, 1), disc.logits(m.zeros(new Shape(3, 3, 64, 64))).getShape());
        }
    }

    @Test
    void aClosedDiscriminatorSaysSo() throws Exception {
        Discriminator disc = Discriminator.create(d, Device.cpu());
        disc.close();
        disc.close();
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            assertThrows(IllegalStateException.class, () -> disc.features(m.zeros(new Shape(1, 3, 64, 64))));
        }
    }

    private static String refusal(StateDict state, Map<String, Object> kwargs) {
        NetworkRecord record = new NetworkRecord(d.className(), kwargs, state);
        return assertThrows(CheckpointException.class, () -> Discriminator.create(record, Device.cpu())).getMessage();
    }

    private static StateDict withTensor(String name, Shape shape) {
        Map<String, HostTensor> tensors = new LinkedHashMap<>(d.stateDict().asMap());
        tensors.put(name, HostTensor.ofFloats(shape, new float[Math.toIntExact(shape.size())]));
        return new StateDict(d.stateDict().source(), tensors);
    }

    private static Map<String, Object> withKwarg(String key, Object value) {
        Map<String, Object> kwargs = new LinkedHashMap<>(d.initKwargs());
        kwargs.put(key, value);
        return kwargs;
    }
}
