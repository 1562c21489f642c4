package org.visualsearch.core.model;

/**
 * A model's output, copied to Java before DJL frees the tensors; checked by the embedder.
 *
 * @param tensors how many tensors the model returned
 * @param shape   the first tensor's shape
 * @param values  its values as floats; empty when there is not exactly one tensor or it is absurdly large
 */
record ModelOutput(int tensors, long[] shape, float[] values) {
}
