package org.visualsearch.core.training;

/**
 * A trained head on raw backbone features (the standardisation folded in): embedding =
 * L2(weight x features + bias), the same form as a model folder's {@code head.npz}.
 *
 * @param weight     row-major [dimension x featureDimension]
 * @param bias       [dimension]
 * @param dimension  embedding size D
 * @param featureDimension backbone feature size F
 */
public record TrainedHead(float[] weight, float[] bias, int dimension, int featureDimension) {

    public TrainedHead {
        if (weight.length != dimension * featureDimension || bias.length != dimension) {
            throw new IllegalArgumentException("head weight must be " + dimension + " x " + featureDimension
                    + " and bias " + dimension);
        }
    }

    /** The L2-normalised embedding of one feature vector. */
    public float[] embed(float[] features) {
        return embed(weight, bias, dimension, featureDimension, features);
    }

    /** Embeds many rows: features row-major [n x F] into [n x D]. */
    public float[] embedAll(float[] features, int n) {
        float[] out = new float[n * dimension];
        float[] row = new float[featureDimension];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features, i * featureDimension, row, 0, featureDimension);
            System.arraycopy(embed(row), 0, out, i * dimension, dimension);
        }
        return out;
    }

    /** L2(weight x features + bias); a zero vector stays zero. */
    public static float[] embed(float[] weight, float[] bias, int d, int f, float[] features) {
        float[] out = new float[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            double sum = bias[j];
            int base = j * f;
            for (int k = 0; k < f; k++) {
                sum += (double) weight[base + k] * features[k];
            }
            out[j] = (float) sum;
            norm += sum * sum;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < d; j++) {
                out[j] *= inv;
            }
        }
        return out;
    }
}
