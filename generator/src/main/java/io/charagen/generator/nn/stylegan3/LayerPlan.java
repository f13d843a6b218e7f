package io.charagen.generator.nn.stylegan3;

/**
 * The fixed geometry of one StyleGAN3 synthesis layer, derived from the frequency schedule:
 * channels, canvas sizes, resampling factors, filter lengths and the padding that places output
 * samples where the symmetric interpretation of the paper (Appendix C) puts them. Filter lengths of
 * 1 mean no filter (and no filter tensor in the state dict).
 */
public record LayerPlan(String name, boolean toRgb, int inChannels, int outChannels, int inSize, int outSize,
                        int kernel, int up, int down, int upTaps, int downTaps, boolean downRadial, int[] padding) {

    static LayerPlan of(AliasFreeSchedule s, int index, int convKernel, int filterSize, int lreluUpsampling,
                        boolean useRadialFilters, int numCritical) {
        int prev = Math.max(index - 1, 0);
        boolean toRgb = index == s.numLayers;
        boolean criticallySampled = index >= s.numLayers - numCritical;
        int kernel = toRgb ? 1 : convKernel;
        double inRate = (int) s.samplingRates[prev];
        double outRate = (int) s.samplingRates[index];
        double tmpRate = Math.max(inRate, outRate) * (toRgb ? 1 : lreluUpsampling);
        int up = (int) Math.rint(tmpRate / inRate);
        int down = (int) Math.rint(tmpRate / outRate);
        int upTaps = up > 1 && !toRgb ? filterSize * up : 1;
        int downTaps = down > 1 && !toRgb ? filterSize * down : 1;
        boolean downRadial = useRadialFilters && !criticallySampled;
        int inSize = s.sizes[prev];
        int outSize = s.sizes[index];
        // Length wanted before downsampling, minus what upsampling gives, plus what the filters eat.
        int padTotal = (outSize - 1) * down + 1 - (inSize + kernel - 1) * up + upTaps + downTaps - 2;
        int padLo = Math.floorDiv(padTotal + up, 2);
        int padHi = padTotal - padLo;
        String name = "L" + index + "_" + outSize + "_" + s.channels[index];
        return new LayerPlan(name, toRgb, s.channels[prev], s.channels[index], inSize, outSize, kernel, up, down,
                upTaps, downTaps, downRadial, new int[] {padLo, padHi, padLo, padHi});
    }
}
