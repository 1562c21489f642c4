package org.visualsearch.core.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BarnesHutTsneTest {

    @Test
    void affinitiesAreTheSymmetrisedConditionalsInSortedRowsSummingToOne() {
        // 0 -> 1 (0.6), 0 -> 2 (0.4); 1 -> 0 (1.0); 2 -> 1 (1.0)
        int[][] neighbours = {{2, 1}, {0}, {1}};
        double[][] conditional = {{0.4, 0.6}, {1.0}, {1.0}};
        BarnesHutTsne.SparseAffinities p = BarnesHutTsne.symmetrise(neighbours, conditional);
        // unnormalised: P01 = 0.6 + 1.0, P02 = 0.4, P12 = 1.0 (each twice, once per row), total 6
        assertThat(p.rowStart()).containsExactly(0, 2, 4, 6);
        assertThat(p.column()).containsExactly(1, 2, 0, 2, 0, 1);
        assertThat(p.value()).containsExactly(new double[] {1.6 / 6, 0.4 / 6, 1.6 / 6, 1.0 / 6, 0.4 / 6, 1.0 / 6},
                within(1e-12));
    }

    @Test
    void quadTreeRepulsionMatchesTheExactSumWhenNoCellIsSummarisedAndIsCloseAtThetaOneHalf() {
        Random r = new Random(3);
        int n = 500;
        double[] y = new double[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian() * (i < n ? 1 : 5);
        }
        y[2] = y[0]; // two points at one spot
        y[3] = y[1];
        QuadTree tree = new QuadTree(n);
        tree.build(y, n);
        int[] stack = tree.newStack();
        double[] exact = new double[2];
        double[] approx = new double[2];
        double[] out = new double[2 * n];
        for (int i : new int[] {0, 1, 17, 250, 499}) {
            double z = 0;
            exact[0] = 0;
            exact[1] = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double q = 1 / (1 + dx * dx + dy * dy);
                z += q;
                exact[0] += q * q * dx;
                exact[1] += q * q * dy;
            }
            double zTree = tree.repulsion(y[2 * i], y[2 * i + 1], 0, out, i, stack);
            assertThat(zTree).isCloseTo(z, within(1e-9 * z));
            assertThat(out[2 * i]).isCloseTo(exact[0], within(1e-9));
            assertThat(out[2 * i + 1]).isCloseTo(exact[1], within(1e-9));
            double zHalf = tree.repulsion(y[2 * i], y[2 * i + 1], 0.25, out, i, stack);
            approx[0] = out[2 * i];
            approx[1] = out[2 * i + 1];
            assertThat(zHalf).isCloseTo(z, within(0.02 * z));
            double norm = Math.hypot(exact[0], exact[1]);
            assertThat(Math.hypot(approx[0] - exact[0], approx[1] - exact[1])).isLessThan(0.05 * norm + 1e-6);
        }
    }
}
