package org.visualsearch.core.model;

import java.util.Arrays;

/**
 * How a model wants a photo as its input tensor: one of the two conventions a model folder can
 * declare (see {@link ModelDescriptor} for the keys). Each has its DJL translator that builds the
 * tensor ({@link GuieTranslator}, {@link FixedTranslator}).
 */
public sealed interface InputSpec permits InputSpec.Guie, InputSpec.Fixed {

    /** The convention's name as it enters the model id ({@code GUIE} or {@code FIXED}). */
    String conventionName();

    /** Width of the grey image fed once at load time to check the model. */
    int probeWidth();

    /** Height of the grey probe image. */
    int probeHeight();

    /**
     * The Kaggle challenge's convention: uint8 [1,3,H,W], RGB 0..255, the photo at the size the
     * loader shrank it to; the module resizes and normalises by itself.
     */
    record Guie() implements InputSpec {
        /** Side of the probe image (a size any real model accepts). */
        static final int PROBE_SIDE = 224;

        @Override
        public String conventionName() {
            return "GUIE";
        }

        @Override
        public int probeWidth() {
            return PROBE_SIDE;
        }

        @Override
        public int probeHeight() {
            return PROBE_SIDE;
        }
    }

    /**
     * A fixed-size float input: the app brings the photo to {@code width} x {@code height} by
     * {@code resize}, scales it to 0..1, normalises each channel with {@code mean} and {@code std}
     * (R,G,B) and passes float32 [1,3,height,width].
     */
    record Fixed(int width, int height, Resize resize, float[] mean, float[] std) implements InputSpec {

        public Fixed {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("size " + width + "x" + height);
            }
            if (mean.length != 3 || std.length != 3) {
                throw new IllegalArgumentException("mean and std need 3 values (R,G,B)");
            }
            mean = mean.clone();
            std = std.clone();
        }

        @Override
        public float[] mean() {
            return mean.clone();
        }

        @Override
        public float[] std() {
            return std.clone();
        }

        @Override
        public String conventionName() {
            return "FIXED";
        }

        @Override
        public int probeWidth() {
            return width;
        }

        @Override
        public int probeHeight() {
            return height;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fixed f && f.width == width && f.height == height && f.resize == resize
                    && Arrays.equals(f.mean, mean) && Arrays.equals(f.std, std);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * width + height) + resize.hashCode()) + Arrays.hashCode(mean) * 7
                    + Arrays.hashCode(std);
        }

        @Override
        public String toString() {
            return "Fixed[" + width + "x" + height + ", " + resize.key() + ", mean=" + Arrays.toString(mean)
                    + ", std=" + Arrays.toString(std) + "]";
        }
    }

    /** How the fixed convention brings a photo to width x height. */
    enum Resize {
        /**
         * Scale so the image covers the target, then cut the centre (torchvision
         * Resize+CenterCrop; DJL's {@code centerCrop=true}).
         */
        SHORTER_SIDE_THEN_CENTER_CROP("shorter-side-then-center-crop"),
        /** Scale each axis to the target, distorting the aspect ratio (DJL's {@code resize=true}). */
        STRETCH("stretch");

        private final String key;

        Resize(String key) {
            this.key = key;
        }

        /** Its value for {@code vss.resize}, and in the model id. */
        String key() {
            return key;
        }
    }
}
