package org.visualsearch.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import java.util.List;

/**
 * ArcFace (additive angular margin) softmax loss, the recipe's training objective, as NDArray
 * operations so that DJL's autograd differentiates it. A port of {@code tools/model-export/arcface.py}.
 *
 * <p>The network ({@link HeadTrainingBlock}) outputs, for every label set, the cosines between
 * each embedding and each class centre. For a sample of class y this loss replaces the target
 * cosine cos(theta_y) by cos(theta_y + m), scales all logits by s and takes the softmax cross
 * entropy. Where theta_y + m would pass pi (cos(theta + m) stops decreasing there), the target
 * logit falls back to s * (cos(theta_y) - m * sin(m)), as in the ArcFace reference code.
 *
 * <p>Several label sets (e.g. category and instance) each have their own centres; the loss is
 * their weighted sum. Labels come as one float or int array of class indices per label set, in
 * the same order as the predictions.
 */
public final class ArcFaceLoss extends Loss {

    /** Cosines are kept just inside [-1, 1] so that sin(theta) has a finite gradient. */
    private static final double CLAMP = 1e-7;

    private final float scale;
    private final float margin;
    private final float[] weights;

    /**
     * @param scale   s, the logit scale (30 in the recipe)
     * @param margin  m, the additive angular margin in radians (0.3 in the recipe)
     * @param weights one weight per label set
     */
    public ArcFaceLoss(float scale, float margin, List<Float> weights) {
        super("ArcFaceLoss");
        if (!(scale > 0) || !(margin >= 0) || weights.isEmpty()) {
            throw new IllegalArgumentException("ArcFace needs s > 0, m >= 0 and at least one label set");
        }
        this.scale = scale;
        this.margin = margin;
        this.weights = new float[weights.size()];
        for (int i = 0; i < this.weights.length; i++) {
            this.weights[i] = weights.get(i);
        }
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        if (labels.size() != weights.length || predictions.size() != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " label sets, got " + labels.size()
                    + " labels and " + predictions.size() + " predictions");
        }
        NDArray total = null;
        for (int i = 0; i < weights.length; i++) {
            NDArray term = loss(predictions.get(i), labels.get(i), scale, margin).mul(weights[i]);
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    /** Cosines [N,C] between embeddings [N,D] and class centres [C,D] (neither needs unit norm). */
    public static NDArray cosines(NDArray embeddings, NDArray centres) {
        NDArray e = embeddings.normalize(2, 1, 1e-12);
        NDArray w = centres.normalize(2, 1, 1e-12);
        return e.matMul(w.transpose());
    }

    /** The ArcFace logits [N,C] from cosines [N,C] and class indices [N]. */
    public static NDArray logits(NDArray cosines, NDArray labels, float scale, float margin) {
        NDArray cos = cosines.clip(-1 + CLAMP, 1 - CLAMP);
        int classes = (int) cos.getShape().get(1);
        NDArray target = labels.toType(DataType.INT64, false).oneHot(classes)
                .toType(cos.getDataType(), false);
        NDArray cosY = cos.mul(target).sum(new int[] {1}, true);
        NDArray sinY = cosY.mul(cosY).neg().add(1.0).sqrt();
        NDArray phi = cosY.mul(Math.cos(margin)).sub(sinY.mul(Math.sin(margin)));
        NDArray fallback = cosY.sub(margin * Math.sin(margin));
        NDArray inRange = cosY.gt(Math.cos(Math.PI - margin));
        NDArray targetLogit = NDArrays.where(inRange, phi, fallback);
        NDArray others = cos.mul(target.neg().add(1.0));
        return others.add(target.mul(targetLogit)).mul(scale);
    }

    /** Mean ArcFace softmax cross entropy over the batch: cosines [N,C], class indices [N]. */
    public static NDArray loss(NDArray cosines, NDArray labels, float scale, float margin) {
        NDArray logits = logits(cosines, labels, scale, margin);
        int classes = (int) logits.getShape().get(1);
        NDArray target = labels.toType(DataType.INT64, false).oneHot(classes)
                .toType(logits.getDataType(), false);
        return logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
    }
}
