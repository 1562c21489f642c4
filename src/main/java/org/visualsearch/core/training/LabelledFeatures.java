package org.visualsearch.core.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Training data: backbone features of labelled photos, one row per photo.
 *
 * @param samples     the photos' labels, in row order
 * @param features    row-major [samples.size() x dimension]
 * @param dimension   feature length F
 * @param backboneId  id of the feature extractor the features came from (its content hash)
 */
public record LabelledFeatures(List<Sample> samples, float[] features, int dimension, String backboneId) {

    /**
     * One labelled photo.
     *
     * @param path      where it was read (for the split file and the card)
     * @param hash      content hash (SHA-256), the feature cache key
     * @param category  first-level folder, never null
     * @param instance  instance group (second-level folder or manifest column), or null
     * @param fineClass a finer class than the category from a manifest's class column, or null
     */
    public record Sample(Path path, String hash, String category, String instance, String fineClass) {
        public Sample {
            Objects.requireNonNull(category, "category");
        }

        /** The label of the instance head: the group, else the fine class, else the category. */
        String instanceLabel() {
            if (instance != null) {
                return "i/" + instance;
            }
            return fineClass != null ? "c/" + fineClass : "k/" + category;
        }
    }

    public LabelledFeatures {
        samples = List.copyOf(samples);
        if (dimension <= 0 || features.length != samples.size() * dimension) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected "
                    + samples.size() + " x " + dimension);
        }
    }

    public int size() {
        return samples.size();
    }

    public boolean hasInstances() {
        return samples.stream().anyMatch(s -> s.instance() != null);
    }

    /** Row i's features (a copy). */
    public float[] row(int i) {
        float[] out = new float[dimension];
        System.arraycopy(features, i * dimension, out, 0, dimension);
        return out;
    }
}
