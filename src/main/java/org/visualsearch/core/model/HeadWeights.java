package org.visualsearch.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.visualsearch.core.common.Sha256;

/**
 * A head on raw backbone features (for a trained one, the standardisation folded in): embedding =
 * L2(weight x features + bias), the same form as a model folder's {@code head.npz}.
 *
 * @param weight     row-major [dimension x featureDimension]
 * @param bias       [dimension]
 * @param dimension  embedding size D
 * @param featureDimension backbone feature size F
 *
 * <p>Stored as numpy {@code .npz} (float32 {@code weight} [D,F] and {@code bias} [D]), written and
 * read through DJL's own NDList codec, so {@code numpy.load} and the Python export tools read it
 * as they read the default model's {@code head.npz}.
 */
public record HeadWeights(float[] weight, float[] bias, int dimension, int featureDimension) {

    public HeadWeights {
        if (weight.length != dimension * featureDimension || bias.length != dimension) {
            throw new IllegalArgumentException("head weight must be " + dimension + " x " + featureDimension
                    + " and bias " + dimension);
        }
    }

    /** The L2-normalised embedding of one feature vector. */
    public float[] embed(float[] features) {
        return embed(weight, bias, dimension, featureDimension, features);
    }

    /**
     * SHA-256 (hex) of the head's shape and numbers: the same for the same weights, whatever file
     * they were read from (a .npz is a zip whose entries carry the time it was written).
     */
    public String sha256() {
        MessageDigest digest = Sha256.newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(8 + (weight.length + bias.length) * Float.BYTES);
        buffer.putInt(dimension).putInt(featureDimension);
        buffer.asFloatBuffer().put(weight).put(bias);
        digest.update(buffer.array());
        return Sha256.hex(digest);
    }

    /** Whether every weight and bias is a finite number (a diverged training gives NaN). */
    public boolean isFinite() {
        for (float v : weight) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        for (float v : bias) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
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

    /** Writes the head as {@code .npz} (weight, bias). */
    public void writeNpz(Path file) throws IOException {
        DjlEnvironment.configure();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray w = manager.create(weight, new Shape(dimension, featureDimension));
            w.setName("weight");
            NDArray b = manager.create(bias, new Shape(dimension));
            b.setName("bias");
            try (OutputStream out = Files.newOutputStream(file)) {
                new NDList(w, b).encode(out, NDList.Encoding.NPZ);
            }
        }
    }

    /**
     * Reads a head {@code .npz}: float {@code weight} [D,F] and {@code bias} [D] (bias optional: zeros).
     *
     * @throws EmbeddingException naming the file and what is wrong with it
     */
    public static HeadWeights readNpz(Path file) throws EmbeddingException {
        DjlEnvironment.configure();
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             InputStream in = Files.newInputStream(file)) {
            NDList list = NDList.decode(manager, in);
            NDArray w = list.get("weight");
            if (w == null || w.getShape().dimension() != 2) {
                throw new EmbeddingException("Head " + file + " has no 2-d array 'weight' [D,F]");
            }
            int d = Math.toIntExact(w.getShape().get(0));
            int f = Math.toIntExact(w.getShape().get(1));
            NDArray b = list.get("bias");
            float[] bias;
            if (b == null) {
                bias = new float[d];
            } else if (b.getShape().dimension() != 1 || b.getShape().get(0) != d) {
                throw new EmbeddingException("Head " + file + ": 'bias' has shape " + b.getShape()
                        + ", expected (" + d + ")");
            } else {
                bias = b.toType(DataType.FLOAT32, false).toFloatArray();
            }
            HeadWeights head = new HeadWeights(w.toType(DataType.FLOAT32, false).toFloatArray(), bias, d, f);
            for (float v : head.weight) {
                if (!Float.isFinite(v)) {
                    throw new EmbeddingException("Head " + file + " holds a non-finite weight");
                }
            }
            return head;
        } catch (IOException | RuntimeException e) {
            throw new EmbeddingException("Head " + file + " cannot be read as a .npz of weight and bias ("
                    + org.visualsearch.core.common.ErrorText.oneLine(e) + ")", e);
        }
    }
}
