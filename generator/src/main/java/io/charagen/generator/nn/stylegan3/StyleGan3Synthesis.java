package io.charagen.generator.nn.stylegan3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.ImageTransform;
import io.charagen.generator.nn.Kwargs;
import io.charagen.generator.nn.SynthesisNetwork;
import io.charagen.generator.nn.ops.LayerScope;
import io.charagen.generator.nn.ops.Scalars;

import java.util.ArrayList;
import java.util.List;

/**
 * The alias-free synthesis network of StyleGAN3 (Karras et al. 2021): a Fourier-feature input
 * followed by {@code num_layers} filtered layers and a to-RGB layer; ws[0] drives the input's
 * transform and ws[i + 1] layer i. Config T uses 3x3 convolutions; config R uses 1x1 convolutions and
 * radially symmetric downsampling filters.
 */
public final class StyleGan3Synthesis implements SynthesisNetwork {

    private final int resolution;
    private final int imgChannels;
    private final double outputScale;
    private final FourierInput input;
    private final List<AliasFreeLayer> layers = new ArrayList<>();

    public StyleGan3Synthesis(NDManager manager, StateDict state, Kwargs kwargs, int wDim)
            throws CheckpointException {
        this.resolution = kwargs.getInt("img_resolution");
        this.imgChannels = kwargs.getInt("img_channels", 3);
        this.outputScale = kwargs.getDouble("output_scale", 0.25);
        StyleGan3Layout layout = StyleGan3Layout.of(kwargs);
        AliasFreeSchedule schedule = layout.schedule();
        this.input = new FourierInput(manager, state, wDim, schedule.channels(0), schedule.size(0),
                schedule.samplingRate(0), schedule.cutoff(0));
        Double convClamp = kwargs.getNullableDouble("conv_clamp", 256.0);
        for (LayerPlan plan : layout.layers()) {
            if (!state.contains("synthesis." + plan.name() + ".weight")) {
                throw new CheckpointException(state.source() + ": the kwargs imply a layer 'synthesis." + plan.name()
                        + "' that the checkpoint does not have; its kwargs and tensors disagree");
            }
            layers.add(new AliasFreeLayer(manager, state, plan, wDim, convClamp));
        }
    }

    @Override
    public int numWs() {
        return layers.size() + 1;
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
        NDManager owner = ws.getManager();
        NDArray x = LayerScope.run(owner, new NDArray[] {ws.get(new NDIndex(":, 0, :"))},
                in -> input.forward(in[0], transform));
        for (int i = 0; i < layers.size(); i++) {
            AliasFreeLayer layer = layers.get(i);
            NDArray w = ws.get(new NDIndex(":, {}, :", i + 1));
            x = LayerScope.run(owner, new NDArray[] {x, w}, in -> layer.forward(in[0], in[1]));
        }
        return outputScale == 1 ? x : Scalars.times(x, outputScale);
    }
}
