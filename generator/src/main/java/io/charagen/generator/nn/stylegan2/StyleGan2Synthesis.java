package io.charagen.generator.nn.stylegan2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.ImageTransform;
import io.charagen.generator.nn.Kwargs;
import io.charagen.generator.nn.SynthesisNetwork;
import io.charagen.generator.nn.ops.LayerScope;

import java.util.ArrayList;
import java.util.List;

/**
 * The StyleGAN2 synthesis network (Karras et al. 2020): blocks from 4x4 up to the output
 * resolution, each doubling the resolution, with feature maps of min(channel_base / res,
 * channel_max) channels. Block i reads its ws starting where block i-1's convolutions stopped, so a
 * to-RGB layer shares its w with the next block's first convolution.
 */
public final class StyleGan2Synthesis implements SynthesisNetwork {

    private final int resolution;
    private final int imgChannels;
    private final List<SynthesisBlock> blocks = new ArrayList<>();
    private final int numWs;

    public StyleGan2Synthesis(NDManager manager, StateDict state, Kwargs kwargs, int wDim) throws CheckpointException {
        this.resolution = kwargs.getInt("img_resolution");
        this.imgChannels = kwargs.getInt("img_channels", 3);
        if (resolution < 4 || Integer.bitCount(resolution) != 1) {
            throw new CheckpointException(state.source() + ": img_resolution " + resolution
                    + " is not a power of two of at least 4, which StyleGAN2 needs");
        }
        String architecture = kwargs.getString("architecture", "skip");
        if (!architecture.equals("skip") && !architecture.equals("orig")) {
            throw new CheckpointException(state.source() + ": StyleGAN2 synthesis architecture '" + architecture
                    + "' is not supported (skip and orig are)");
        }
        int channelBase = kwargs.getInt("channel_base", 32768);
        int channelMax = kwargs.getInt("channel_max", 512);
        Double convClamp = kwargs.getNullableDouble("conv_clamp", null);
        int ws = 0;
        for (int res = 4; res <= resolution; res *= 2) {
            int in = res == 4 ? 0 : Math.min(channelBase / (res / 2), channelMax);
            int out = Math.min(channelBase / res, channelMax);
            boolean last = res == resolution;
            SynthesisBlock block = new SynthesisBlock(manager, state, res, in, out, wDim, imgChannels,
                    last || architecture.equals("skip"), convClamp);
            blocks.add(block);
            ws += block.numConv();
        }
        this.numWs = ws + blocks.get(blocks.size() - 1).numToRgb();
    }

    @Override
    public int numWs() {
        return numWs;
    }

    @Override
    public int resolution() {
        return resolution;
    }

    @Override
    public int imgChannels() {
        return imgChannels;
    }

    @Override
    public NDArray forward(NDArray ws, ImageTransform transform) {
        if (transform != null) {
            throw new IllegalArgumentException("a StyleGAN2 network cannot translate or rotate its image");
        }
        NDArray x = null;
        NDArray img = null;
        int wi = 0;
        NDManager owner = ws.getManager();
        for (SynthesisBlock block : blocks) {
            int count = block.numConv() + block.numToRgb();
            NDArray blockWs = ws.get(new NDIndex(":, {}:{}, :", wi, wi + count));
            NDArray[] features = new NDArray[1];
            // Each block's intermediates are freed when it returns; features and image carry on.
            img = LayerScope.run(owner, new NDArray[] {x, img, blockWs}, in -> {
                NDArray[] result = block.forward(in[0], in[1], in[2]);
                features[0] = result[0];
                features[0].attach(owner);
                return result[1];
            });
            x = features[0];
            wi += block.numConv();
        }
        return img;
    }
}
