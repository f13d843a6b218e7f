package io.charagen.generator.nn;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.NetworkRecord;

/** The generator families the runtime can run, named as our model cards name them. */
public enum Architecture {
    STYLEGAN2("stylegan2"),
    STYLEGAN3_T("stylegan3-t"),
    STYLEGAN3_R("stylegan3-r");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isStyleGan3() {
        return this != STYLEGAN2;
    }

    /** Recognises a generator from its tensors (the class name alone is not enough: forks rename it). */
    public static Architecture detect(NetworkRecord network) throws CheckpointException {
        var state = network.stateDict();
        if (state.contains("synthesis.input.freqs")) {
            Kwargs kwargs = new Kwargs(state.source(), network.initKwargs());
            boolean radial = kwargs.getBoolean("use_radial_filters", false);
            return radial || kwargs.getInt("conv_kernel", 3) == 1 ? STYLEGAN3_R : STYLEGAN3_T;
        }
        if (state.contains("synthesis.b4.const")) {
            return STYLEGAN2;
        }
        throw new CheckpointException(state.source() + ": unknown generator architecture (class '"
                + network.className() + "'): neither StyleGAN3's 'synthesis.input.freqs' nor StyleGAN2's "
                + "'synthesis.b4.const' is among its tensors");
    }

    public static Architecture fromId(String id) {
        for (Architecture a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + id + "'");
    }
}
