package io.charagen.generator.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.charagen.generator.FixtureFiles;
import io.charagen.generator.checkpoint.NetworkRecord;

import java.util.HashMap;
import java.util.Map;

/** Generators for tests, built from a fixture's parameters. */
final class TestGenerators {

    private TestGenerators() {
    }

    /** The fixture's G_ema from its npz parameters and the kwargs its pkl declares. */
    static Generator fromFixture(String name) throws Exception {
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
            NetworkRecord record = new NetworkRecord("Generator", kwargs, FixtureFiles.stateDictFromNpz(m, name));
            return Generator.create(record, Device.cpu());
        }
    }
}
