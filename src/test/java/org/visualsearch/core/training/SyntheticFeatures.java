package org.visualsearch.core.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Labelled features whose classes differ only along a few directions, hidden among many noisy
 * ones: plain Euclidean neighbours are mostly noise, a trained projection separates them.
 */
final class SyntheticFeatures {

    private SyntheticFeatures() {
    }

    static LabelledFeatures make(int classes, int perClass, int dims, int signalDims, long seed) {
        Random random = new Random(seed);
        List<LabelledFeatures.Sample> samples = new ArrayList<>();
        float[] x = new float[classes * perClass * dims];
        float[][] centres = new float[classes][signalDims];
        for (float[] c : centres) {
            for (int k = 0; k < signalDims; k++) {
                c[k] = (float) (random.nextGaussian() * 2);
            }
        }
        int row = 0;
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                for (int k = 0; k < dims; k++) {
                    double v = k < signalDims ? centres[c][k] + random.nextGaussian() * 0.3 : random.nextGaussian() * 3;
                    x[row * dims + k] = (float) v;
                }
                String name = "c" + c + "/p" + i + ".jpg";
                samples.add(new LabelledFeatures.Sample(Path.of(name), "h" + c + "-" + i, "class" + c, null, null));
                row++;
            }
        }
        return new LabelledFeatures(samples, x, dims, "synthetic");
    }
}
