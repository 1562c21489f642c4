package org.visualsearch.core.projection;

import org.visualsearch.core.search.VectorIndex;

/** The benchmarks' synthetic clustered vectors, for the UI's frame-time bench. */
public final class ProjectionBenchAccess {
    private ProjectionBenchAccess() {
    }

    public static VectorIndex vectors(int n) {
        return ProjectionBench.vectors(n, 64, 20, 1);
    }
}
