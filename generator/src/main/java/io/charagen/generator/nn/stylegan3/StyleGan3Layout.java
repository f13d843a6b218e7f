package io.charagen.generator.nn.stylegan3;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.nn.Kwargs;

import java.util.ArrayList;
import java.util.List;

/**
 * What a StyleGAN3 generator's kwargs imply for its synthesis network: the frequency schedule and
 * the plan of every layer (index i is layer i; the last is to-RGB). The runtime builds its layers
 * from it, and anything that must know the tensors a network has (random initialisation) reads it.
 */
public record StyleGan3Layout(AliasFreeSchedule schedule, List<LayerPlan> layers) {

    /** The reference defaults apply to every kwarg not given. */
    public static StyleGan3Layout of(Kwargs kwargs) throws CheckpointException {
        int resolution = kwargs.getInt("img_resolution");
        int numLayers = kwargs.getInt("num_layers", 14);
        int numCritical = kwargs.getInt("num_critical", 2);
        AliasFreeSchedule schedule = new AliasFreeSchedule(resolution, kwargs.getInt("img_channels", 3),
                kwargs.getDouble("channel_base", 32768), kwargs.getInt("channel_max", 512), numLayers, numCritical,
                kwargs.getDouble("first_cutoff", 2), kwargs.getDouble("first_stopband", Math.pow(2, 2.1)),
                kwargs.getDouble("last_stopband_rel", Math.pow(2, 0.3)), kwargs.getInt("margin_size", 10));
        int convKernel = kwargs.getInt("conv_kernel", 3);
        int filterSize = kwargs.getInt("filter_size", 6);
        int lreluUpsampling = kwargs.getInt("lrelu_upsampling", 2);
        boolean radial = kwargs.getBoolean("use_radial_filters", false);
        List<LayerPlan> layers = new ArrayList<>();
        for (int i = 0; i <= numLayers; i++) {
            layers.add(LayerPlan.of(schedule, i, convKernel, filterSize, lreluUpsampling, radial, numCritical));
        }
        return new StyleGan3Layout(schedule, List.copyOf(layers));
    }

    /**
     * The rate at which layer {@code i}'s nonlinearity runs, between its up- and downsampling
     * filters: the input rate times the upsampling factor.
     */
    public double intermediateRate(int i) {
        return schedule.samplingRate(Math.max(i - 1, 0)) * layers.get(i).up();
    }
}
