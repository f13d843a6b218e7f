package io.charagen.generator.encoder;

import com.google.gson.JsonObject;
import io.charagen.generator.model.ModelRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A head encoder's card ({@code <name>.json}, format {@value #FORMAT}): what the encoder reads, its
 * network's shape, its heads, the portrait model whose w it writes and the sprite model whose frames
 * it was trained on (both by the sha256 of their weights), and its weights file. Read strictly by
 * {@link HeadEncoderCardJson}; written by the training toolkit ({@code head_encoder/bundle.py}).
 *
 * @param convs          the 3x3 convolutions (padding 1), each followed by a leaky ReLU
 * @param hidden         features of the hidden fully connected layer
 * @param leakyReluSlope the slope of every leaky ReLU
 * @param heads          the class heads, in logit order; each gets its own softmax
 * @param wDim           the w the encoder outputs: the paired portrait model's w_dim
 * @param sprite         the sprite model the encoder was trained on
 * @param portrait       the portrait model whose w it predicts
 * @param training       how it was trained, as the card says it (for reading only), or null
 * @param weightsFile    its .safetensors file, beside the card
 * @param weightsSha256  the sha256 of that file
 */
public record HeadEncoderCard(String name, HeadEncoderInput input, List<ConvLayer> convs, int hidden,
                              double leakyReluSlope, List<Head> heads, int wDim, ModelRef sprite, ModelRef portrait,
                              JsonObject training, String weightsFile, String weightsSha256) {

    public static final String FORMAT = "charagen-head-encoder/1";

    /** One 3x3 convolution with padding 1: {@code out} channels, sampling every {@code stride}th pixel. */
    public record ConvLayer(int out, int stride) {
    }

    /**
     * One group of class logits, softmaxed on its own.
     *
     * @param tokens the portrait vocabulary's token of each class (null entries: none), or null
     *               when the card names none; for reading only
     */
    public record Head(String name, List<String> classes, List<String> tokens) {
        public Head {
            classes = List.copyOf(classes);
            tokens = tokens == null ? null : Collections.unmodifiableList(new ArrayList<>(tokens)); // entries may be null
        }
    }

    public HeadEncoderCard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        convs = List.copyOf(convs);
        heads = List.copyOf(heads);
    }

    /** The encoder as records name it: its card's name and the sha256 of its weights. */
    public ModelRef ref() {
        return new ModelRef(name, weightsSha256);
    }

    /** Classes of all heads together: the logits' length. */
    public int classCount() {
        return heads.stream().mapToInt(h -> h.classes().size()).sum();
    }

    /** Input channels of convolution {@code i}: the input's channels, then the previous layer's. */
    public int convIn(int i) {
        return i == 0 ? input.channels() : convs.get(i - 1).out();
    }

    /** Features of the last convolution's output, flattened (channels x rows x width). */
    public long flatFeatures() {
        long channels = convs.isEmpty() ? input.channels() : convs.get(convs.size() - 1).out();
        long rows = input.rows();
        long width = input.width();
        for (ConvLayer conv : convs) {
            // a 3x3 kernel with padding 1: (n + 2 - 3) / stride + 1
            rows = (rows - 1) / conv.stride() + 1;
            width = (width - 1) / conv.stride() + 1;
        }
        return channels * rows * width;
    }
}
