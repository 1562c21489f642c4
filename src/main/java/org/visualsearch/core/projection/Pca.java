package org.visualsearch.core.projection;

import java.util.concurrent.CancellationException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.visualsearch.core.search.VectorIndex;

/**
 * The two principal axes of a set of vectors: the eigenvectors of their covariance with the
 * largest eigenvalues (EJML's symmetric eigen-decomposition). Exact and deterministic: each
 * axis's sign is fixed so that its largest component is positive, so the same vectors always
 * give the same map, and a new vector (a query) lands exactly where the formula puts it.
 */
public final class Pca {
    private final double[] mean;
    private final double[][] axes;
    private final double[] explained;

    private Pca(double[] mean, double[][] axes, double[] explained) {
        this.mean = mean;
        this.axes = axes;
        this.explained = explained;
    }

    /** Fits the two axes to all vectors of {@code vectors} (at least one). */
    public static Pca fit(VectorIndex vectors, ProjectionProgress progress) {
        int n = vectors.size();
        int d = vectors.dimension();
        if (n == 0) {
            throw new IllegalArgumentException("no vectors to project");
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            float[] row = vectors.vector(i);
            for (int a = 0; a < d; a++) {
                mean[a] += row[a];
            }
        }
        for (int a = 0; a < d; a++) {
            mean[a] /= n;
        }
        double[] cov = new double[d * d]; // upper triangle accumulated, then mirrored
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            if ((i & 4095) == 0) {
                if (progress.isCancelled()) {
                    throw new CancellationException("projection cancelled");
                }
                progress.progress(i, n, "PCA: covariance");
            }
            float[] row = vectors.vector(i);
            for (int a = 0; a < d; a++) {
                centred[a] = row[a] - mean[a];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                int base = a * d;
                for (int b = a; b < d; b++) {
                    cov[base + b] += ca * centred[b];
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a * d + b] /= Math.max(1, n - 1);
                cov[b * d + a] = cov[a * d + b];
            }
            trace += cov[a * d + a];
        }
        double[][] axes = new double[2][d];
        double[] explained = new double[2];
        if (d == 1) {
            axes[0][0] = 1;
            explained[0] = trace > 0 ? 1 : 0;
            return new Pca(mean, axes, explained);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(d, d, cov.clone()))) {
            throw new IllegalStateException("PCA: the eigen-decomposition of the covariance did not converge");
        }
        Integer[] order = new Integer[eig.getNumberOfEigenvalues()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // largest eigenvalue first; ties by index so the order is deterministic
        java.util.Arrays.sort(order, (p, q) -> {
            int c = Double.compare(eig.getEigenvalue(q).getReal(), eig.getEigenvalue(p).getReal());
            return c != 0 ? c : Integer.compare(p, q);
        });
        for (int k = 0; k < 2; k++) {
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            double norm = 0;
            int largest = 0;
            for (int a = 0; a < d; a++) {
                axes[k][a] = v.get(a, 0);
                norm += axes[k][a] * axes[k][a];
                if (Math.abs(axes[k][a]) > Math.abs(axes[k][largest]) + 1e-12) {
                    largest = a;
                }
            }
            norm = Math.sqrt(norm);
            double sign = axes[k][largest] < 0 ? -1 : 1;
            for (int a = 0; a < d; a++) {
                axes[k][a] = sign * axes[k][a] / norm;
            }
            explained[k] = trace > 0 ? Math.max(0, eig.getEigenvalue(order[k]).getReal()) / trace : 0;
        }
        return new Pca(mean, axes, explained);
    }

    /** Where a vector lands: its coordinates along the two axes, after centring. */
    public float[] project(float[] vector) {
        double x = 0;
        double y = 0;
        for (int a = 0; a < mean.length; a++) {
            double c = vector[a] - mean[a];
            x += c * axes[0][a];
            y += c * axes[1][a];
        }
        return new float[] {(float) x, (float) y};
    }

    /** Axis {@code k} (0 or 1), a unit vector. */
    public double[] axis(int k) {
        return axes[k].clone();
    }

    /** The share of the total variance along axis {@code k} (0 or 1). */
    public double explainedVariance(int k) {
        return explained[k];
    }
}
