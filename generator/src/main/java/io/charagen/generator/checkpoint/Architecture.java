package io.charagen.generator.checkpoint;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The reference generator architectures charagen runs. */
public enum Architecture {
    STYLEGAN2("stylegan2"),
    /** StyleGAN3 with translation equivariance (3x3 convolutions). */
    STYLEGAN3_T("stylegan3-t"),
    /** StyleGAN3 with rotation equivariance (1x1 convolutions, radial filters). */
    STYLEGAN3_R("stylegan3-r");

    /** The reference SynthesisNetwork's default number of layers for StyleGAN3. */
    private static final int STYLEGAN3_DEFAULT_LAYERS = 14;

    private final String cardName;

    Architecture(String cardName) {
        this.cardName = cardName;
    }

    /** The name used in model cards. */
    public String cardName() {
        return cardName;
    }

    public static Optional<Architecture> fromCardName(String name) {
        return Arrays.stream(values()).filter(a -> a.cardName.equals(name)).findFirst();
    }

    public boolean isStyleGan3() {
        return this != STYLEGAN2;
    }

    /**
     * Recognises a generator from its parameter names and kwargs: StyleGAN3 has a Fourier
     * feature input ({@code synthesis.input.freqs}), StyleGAN2 a learned constant
     * ({@code synthesis.b4.const}); the R config uses 1x1 kernels and radial filters.
     */
    public static Architecture infer(NetworkRecord generator) throws CheckpointException {
        StateDict weights = generator.stateDict();
        Map<String, Object> kwargs = generator.initKwargs();
        if (weights.contains("synthesis.input.freqs")) {
            boolean rotational = Integer.valueOf(1).equals(kwargs.get("conv_kernel"))
                    || Boolean.TRUE.equals(kwargs.get("use_radial_filters"));
            return rotational ? STYLEGAN3_R : STYLEGAN3_T;
        }
        if (weights.contains("synthesis.b4.const")) {
            return STYLEGAN2;
        }
        throw new CheckpointException(weights.source() + ": unknown architecture: the generator has neither "
                + "'synthesis.input.freqs' (StyleGAN3) nor 'synthesis.b4.const' (StyleGAN2)");
    }

    /**
     * How many w vectors synthesis takes. StyleGAN3: its layers ({@code num_layers}, default 14)
     * plus the input and the final RGB layer. StyleGAN2: two per block from 8x8 up, one for
     * the 4x4 block and one for the last toRGB, that is 2 log2(resolution) - 2.
     *
     * @throws IllegalArgumentException when the resolution or {@code num_layers} make no sense
     */
    public int numWs(int resolution, Map<String, Object> generatorKwargs) {
        if (isStyleGan3()) {
            Object layers = generatorKwargs.getOrDefault("num_layers", STYLEGAN3_DEFAULT_LAYERS);
            if (!(layers instanceof Integer n) || n < 1) {
                throw new IllegalArgumentException("num_layers is " + layers + ", expected a positive integer");
            }
            return n + 2;
        }
        if (resolution < 4 || Integer.bitCount(resolution) != 1) {
            throw new IllegalArgumentException("a StyleGAN2 resolution must be a power of two of at least 4, got "
                    + resolution);
        }
        return 2 * Integer.numberOfTrailingZeros(resolution) - 2;
    }
}
