package org.visualsearch.core.training;

/**
 * Everything that decides the trained weights, with the recipe's defaults
 * ({@code tools/model-export/train_head.py}): Dropout 0.3 + Dense(64), ArcFace s=30 m=0.3,
 * full-batch AdamW lr 5e-3 with weight decay 1e-3 and a cosine schedule over 200 epochs, a
 * stratified 20% validation split, seed 0. The same data and options give the same weights.
 *
 * @param dimension       embedding size
 * @param dropout         dropout rate on the input features, 0..1 (exclusive)
 * @param scale           ArcFace logit scale s
 * @param margin          ArcFace additive angular margin m, radians
 * @param epochs          full-batch steps
 * @param learningRate    AdamW base learning rate (cosine-annealed to 0)
 * @param weightDecay     AdamW decoupled weight decay
 * @param labelMode       which labels the heads learn
 * @param validationShare share of each category held out for validation, 0 (none) .. 0.9
 * @param seed            seeds the split, the initial weights and the dropout masks
 */
public record TrainingOptions(int dimension, float dropout, float scale, float margin, int epochs,
                              float learningRate, float weightDecay, LabelMode labelMode,
                              double validationShare, long seed) {

    public static final TrainingOptions DEFAULTS =
            new TrainingOptions(64, 0.3f, 30f, 0.3f, 200, 5e-3f, 1e-3f, LabelMode.AUTO, 0.2, 0);

    public TrainingOptions {
        check(dimension >= 2 && dimension <= 4096, "dimension must be 2..4096, got " + dimension);
        check(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        check(scale > 0 && scale <= 1000, "ArcFace scale must be in (0, 1000], got " + scale);
        check(margin >= 0 && margin < Math.PI / 2, "ArcFace margin must be in [0, pi/2), got " + margin);
        check(epochs >= 1 && epochs <= 100_000, "epochs must be 1..100000, got " + epochs);
        check(learningRate > 0 && learningRate <= 10, "learning rate must be in (0, 10], got " + learningRate);
        check(weightDecay >= 0 && weightDecay <= 10, "weight decay must be in [0, 10], got " + weightDecay);
        check(labelMode != null, "label mode missing");
        check(validationShare >= 0 && validationShare <= 0.9, "validation share must be 0..0.9, got " + validationShare);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public TrainingOptions withEpochs(int n) {
        return new TrainingOptions(dimension, dropout, scale, margin, n, learningRate, weightDecay, labelMode,
                validationShare, seed);
    }

    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(dimension, dropout, scale, margin, epochs, learningRate, weightDecay, labelMode,
                validationShare, s);
    }

    public TrainingOptions withLabelMode(LabelMode mode) {
        return new TrainingOptions(dimension, dropout, scale, margin, epochs, learningRate, weightDecay, mode,
                validationShare, seed);
    }

    public TrainingOptions withValidationShare(double share) {
        return new TrainingOptions(dimension, dropout, scale, margin, epochs, learningRate, weightDecay, labelMode,
                share, seed);
    }
}
