package io.charagen.generator.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.charagen.generator.FixtureFiles;
import io.charagen.generator.checkpoint.NetworkRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Networks built from the npz's parameters alone reproduce the reference ws and images. */
class NpzParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void reproducesFixture(String name) throws Exception {
        var config = FixtureFiles.config(name);
        Map<String, Object> kwargs = new HashMap<>();
        kwargs.put("z_dim", config.get("z_dim").getAsInt());
        kwargs.put("c_dim", 0);
        kwargs.put("w_dim", config.get("w_dim").getAsInt());
        kwargs.put("img_resolution", config.get("resolution").getAsInt());
        kwargs.put("img_channels", 3);
        kwargs.put("channel_base", config.get("channel_base").getAsInt());
        kwargs.put("channel_max", config.get("channel_max").getAsInt());
        kwargs.put("mapping_kwargs", Map.of("num_layers", 2));
        kwargs.put("conv_clamp", 256);
        if (name.equals("sg3r-64")) {
            kwargs.put("conv_kernel", 1);
            kwargs.put("use_radial_filters", true);
        }
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> a = FixtureFiles.arrays(m, name);
            NetworkRecord record = new NetworkRecord("Generator", kwargs, FixtureFiles.stateDictFromNpz(m, name));
            try (Generator g = Generator.create(record, Device.cpu())) {
                for (var c : config.getAsJsonArray("cases")) {
                    var cs = c.getAsJsonObject();
                    int seed = cs.get("seed").getAsInt();
                    double psi = cs.get("psi").getAsDouble();
                    NDArray ws = g.map(a.get("z/" + seed), null, psi, null);
                    double wsErr = FixtureFiles.maxAbsDiff(ws, a.get(cs.get("ws").getAsString()));
                    NDArray img = g.synthesize(a.get(cs.get("ws").getAsString()));
                    double imgErr = FixtureFiles.maxAbsDiff(img, a.get(cs.get("img").getAsString()));
                    System.out.printf("%s seed %d psi %.1f: ws err %.2e, img err %.2e%n", name, seed, psi, wsErr, imgErr);
                    assertTrue(wsErr < 1e-4, name + " seed " + seed + " ws err " + wsErr);
                    assertTrue(imgErr < 1e-4, name + " seed " + seed + " img err " + imgErr);
                }
            }
        }
    }
}
