/**
 * The wrong-answer "similarity heatmap": which parts of a query keep it near its top-1 match.
 * Squares of the query are hidden one at a time ({@link OcclusionGrid}, {@link Occluder}), each
 * hidden copy is embedded again with the current model as a black box, and each square gets how
 * far the hidden copy moved away from the match ({@link SimilarityHeatmap}, computed by
 * {@link OcclusionHeatmap}); {@link HeatmapOverlay} paints it over the query. No JavaFX.
 */
package org.visualsearch.core.occlusion;
