package org.visualsearch.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The network trained by {@link HeadTrainer}: the recipe's head, Dropout then Dense(dim), on
 * standardised backbone features, followed by one set of ArcFace class centres per label set.
 * Its forward pass returns, per label set, the cosines [N, classes] between the embeddings and
 * the centres; {@link ArcFaceLoss} turns them into the loss. Only the head is kept at the end (the
 * centres are dropped, as at export in the Python tool).
 */
final class HeadTrainingBlock extends AbstractBlock {

    static final String CENTRES = "centres";

    private final Dropout dropout;
    private final Linear dense;
    private final List<Parameter> centres = new ArrayList<>();
    private final int dimension;

    /**
     * @param dimension   embedding size (64 in the recipe)
     * @param dropoutRate dropout on the input features
     * @param classCounts number of classes of each label set
     */
    HeadTrainingBlock(int dimension, float dropoutRate, List<Integer> classCounts) {
        this.dimension = dimension;
        dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
        dense = addChildBlock("dense", Linear.builder().setUnits(dimension).optBias(true).build());
        for (int i = 0; i < classCounts.size(); i++) {
            centres.add(addParameter(Parameter.builder()
                    .setName(CENTRES + i)
                    .setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(classCounts.get(i), dimension))
                    .build()));
        }
    }

    Linear dense() {
        return dense;
    }

    /** The head alone (no dropout at inference): embeddings [N, dim] of standardised features. */
    NDArray embed(ParameterStore store, NDArray features) {
        return dense.forward(store, new NDList(features), false).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList dropped = dropout.forward(store, inputs, training, params);
        NDArray embeddings = dense.forward(store, dropped, training, params).singletonOrThrow();
        NDList out = new NDList(centres.size());
        for (Parameter c : centres) {
            NDArray w = store.getValue(c, embeddings.getDevice(), training);
            out.add(ArcFaceLoss.cosines(embeddings, w));
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[centres.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Shape(inputShapes[0].get(0), centres.get(i).getShape().get(0));
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        dropout.initialize(manager, dataType, inputShapes);
        dense.initialize(manager, dataType, inputShapes);
    }

    int dimension() {
        return dimension;
    }
}
