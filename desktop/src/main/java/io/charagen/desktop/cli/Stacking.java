package io.charagen.desktop.cli;

import io.charagen.generator.sample.SampleBatch;

import java.util.ArrayList;
import java.util.List;

/** Joins sample batches along their first axis. */
final class Stacking {

    private Stacking() {
    }

    static SampleBatch stack(List<SampleBatch> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        List<Long> seeds = new ArrayList<>();
        int n = 0;
        for (SampleBatch b : batches) {
            seeds.addAll(b.seeds());
            n += b.size();
        }
        SampleBatch first = batches.get(0);
        return new SampleBatch(seeds, withFirst(first.wsShape(), n), concat(batches, true),
                withFirst(first.imageShape(), n), concat(batches, false));
    }

    private static long[] withFirst(long[] shape, int n) {
        long[] s = shape.clone();
        s[0] = n;
        return s;
    }

    private static float[] concat(List<SampleBatch> batches, boolean ws) {
        int total = 0;
        for (SampleBatch b : batches) {
            total += (ws ? b.ws() : b.images()).length;
        }
        float[] out = new float[total];
        int at = 0;
        for (SampleBatch b : batches) {
            float[] part = ws ? b.ws() : b.images();
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
