package org.visualsearch.core.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.search.VectorIndex;

class ProjectionTest {

    /** 3 well separated Gaussian clusters of 60 points in 10-d. */
    static VectorIndex threeClusters(long seed) {
        Random r = new Random(seed);
        List<float[]> points = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 60; i++) {
                float[] v = new float[10];
                for (int d = 0; d < 10; d++) {
                    v[d] = (float) (r.nextGaussian() + (d == c ? 12 : 0));
                }
                points.add(v);
            }
        }
        return VectorIndex.of(10, points);
    }

    @Test
    void pcaFindsTheKnownPrincipalAxesAndTheirShareOfTheVariance() {
        // a 5 x 5 grid spread 10 along u = (1,1,0)/sqrt2 and 2 along v = (0,0,1), centred at (3,3,3)
        double s = Math.sqrt(0.5);
        List<float[]> points = new ArrayList<>();
        for (int t = -2; t <= 2; t++) {
            for (int q = -2; q <= 2; q++) {
                points.add(new float[] {(float) (3 + 10 * t * s), (float) (3 + 10 * t * s), 3 + 2 * q});
            }
        }
        Pca pca = Pca.fit(VectorIndex.of(3, points), ProjectionProgress.NONE);
        assertThat(pca.axis(0)).containsExactly(new double[] {s, s, 0}, within(1e-9));
        assertThat(pca.axis(1)).containsExactly(new double[] {0, 0, 1}, within(1e-9));
        assertThat(pca.explainedVariance(0)).isCloseTo(100.0 / 104, within(1e-9));
        assertThat(pca.explainedVariance(1)).isCloseTo(4.0 / 104, within(1e-9));
        // the centre maps to the origin, one step along u to (10, 0)
        assertThat(pca.project(new float[] {3, 3, 3})).containsExactly(new float[] {0, 0}, within(1e-4f));
        assertThat(pca.project(new float[] {(float) (3 + 10 * s), (float) (3 + 10 * s), 3}))
                .containsExactly(new float[] {10, 0}, within(1e-4f));
    }

    @Test
    void pcaMapsEveryPhotoAndPlacesAQueryByItsFormula() {
        VectorIndex v = threeClusters(1);
        Projection map = Projector.project(v, ProjectionSettings.of(ProjectionMethod.PCA), ProjectionProgress.NONE);
        assertThat(map.size()).isEqualTo(v.size());
        assertThat(map.sampled()).isFalse();
        assertThat(map.place(v.vector(17))).containsExactly(new float[] {map.x(17), map.y(17)}, within(1e-5f));
        assertThat(map.describe()).startsWith("PCA of 180 photos");
        // the same vectors always give the same map
        Projection again = Projector.project(v, ProjectionSettings.of(ProjectionMethod.PCA), ProjectionProgress.NONE);
        for (int p = 0; p < map.size(); p++) {
            assertThat(again.x(p)).isEqualTo(map.x(p));
            assertThat(again.y(p)).isEqualTo(map.y(p));
        }
    }

    @Test
    void tsneIsDeterministicForASeedAndDiffersForAnother() {
        VectorIndex v = threeClusters(2);
        ProjectionSettings settings = ProjectionSettings.of(ProjectionMethod.TSNE).withIterations(300);
        Projection a = Projector.project(v, settings, ProjectionProgress.NONE);
        Projection b = Projector.project(v, settings, ProjectionProgress.NONE);
        Projection c = Projector.project(v, settings.withSeed(7), ProjectionProgress.NONE);
        boolean differs = false;
        for (int p = 0; p < a.size(); p++) {
            assertThat(b.x(p)).isEqualTo(a.x(p));
            assertThat(b.y(p)).isEqualTo(a.y(p));
            differs |= c.x(p) != a.x(p);
        }
        assertThat(differs).isTrue();
    }

    @Test
    void tsneKeepsThreeSeparableClustersApart() {
        VectorIndex v = threeClusters(3);
        Projection map = Projector.project(v, ProjectionSettings.of(ProjectionMethod.TSNE), ProjectionProgress.NONE);
        assertThat(NeighbourDistortion.trustworthiness(v, map, 5)).isGreaterThanOrEqualTo(0.9);
        // and every point's nearest on the map is of its own cluster
        for (int p = 0; p < map.size(); p++) {
            int nearest = NeighbourDistortion.mapNearest(map, p, 1)[0];
            assertThat(nearest / 60).as("cluster of point %d's map neighbour", p).isEqualTo(p / 60);
        }
    }

    @Test
    void tsneKeepsLocalNeighbourhoodsBetterThanPcaWhichStillSeparatesTheClusters() {
        VectorIndex v = threeClusters(4);
        Projection pca = Projector.project(v, ProjectionSettings.of(ProjectionMethod.PCA), ProjectionProgress.NONE);
        Projection tsne = Projector.project(v, ProjectionSettings.of(ProjectionMethod.TSNE), ProjectionProgress.NONE);
        double pcaTrust = NeighbourDistortion.trustworthiness(v, pca, 5);
        assertThat(pcaTrust).isGreaterThan(0.8); // the clusters' centres span the plane; the noise inside them is lost
        assertThat(NeighbourDistortion.trustworthiness(v, tsne, 5)).isGreaterThan(pcaTrust);
    }

    @Test
    void trustworthinessOfARandomMapIsLow() {
        VectorIndex v = threeClusters(5);
        Random r = new Random(1);
        int[] all = new int[v.size()];
        float[] x = new float[v.size()];
        float[] y = new float[v.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
            x[i] = r.nextFloat();
            y[i] = r.nextFloat();
        }
        Projection random = new Projection(ProjectionSettings.of(ProjectionMethod.PCA), all.length, all, x, y, null, v);
        assertThat(NeighbourDistortion.trustworthiness(v, random, 5)).isLessThan(0.7);
    }

    @Test
    void tsneAboveTheLimitRunsOnASeededSampleAndSaysSo() {
        VectorIndex v = threeClusters(6);
        ProjectionSettings settings = ProjectionSettings.of(ProjectionMethod.TSNE).withMaxPoints(100).withIterations(100);
        Projection map = Projector.project(v, settings, ProjectionProgress.NONE);
        assertThat(map.size()).isEqualTo(100);
        assertThat(map.galleryTotal()).isEqualTo(180);
        assertThat(map.sampled()).isTrue();
        assertThat(map.describe()).contains("random sample of 100 of 180 photos").contains("seed 42");
        int[] again = Projector.sample(180, 100, 42);
        for (int p = 0; p < 100; p++) {
            assertThat(map.galleryIndex(p)).isEqualTo(again[p]);
            assertThat(map.pointOf(again[p])).isEqualTo(p);
        }
        // a query not in the sample still gets a place: among its nearest mapped photos
        float[] place = map.place(v.vector(0));
        assertThat(place).hasSize(2);
        assertThat(Float.isFinite(place[0]) && Float.isFinite(place[1])).isTrue();
    }

    @Test
    void aCancelledProjectionStops() {
        VectorIndex v = threeClusters(7);
        ProjectionProgress cancelled = new ProjectionProgress() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> Projector.project(v, ProjectionSettings.of(ProjectionMethod.TSNE), cancelled))
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> Projector.project(v, ProjectionSettings.of(ProjectionMethod.PCA), cancelled))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void methodNamesAreParsed() {
        assertThat(ProjectionMethod.parse("PCA")).isEqualTo(ProjectionMethod.PCA);
        assertThat(ProjectionMethod.parse("t-sne")).isEqualTo(ProjectionMethod.TSNE);
        assertThat(ProjectionMethod.parse(" UMAP ")).isEqualTo(ProjectionMethod.UMAP);
        assertThatThrownBy(() -> ProjectionMethod.parse("mds")).hasMessageContaining("unknown projection method 'mds'")
                .hasMessageContaining("use pca, tsne or umap");
    }

    @Test
    void umapIsDeterministicForASeedAndDiffersForAnother() {
        VectorIndex v = threeClusters(8);
        ProjectionSettings settings = ProjectionSettings.of(ProjectionMethod.UMAP);
        Projection a = Projector.project(v, settings, ProjectionProgress.NONE);
        Projection b = Projector.project(v, settings, ProjectionProgress.NONE);
        Projection c = Projector.project(v, settings.withSeed(7), ProjectionProgress.NONE);
        assertThat(a.size()).isEqualTo(v.size());
        boolean differs = false;
        for (int p = 0; p < a.size(); p++) {
            assertThat(b.x(p)).isEqualTo(a.x(p));
            assertThat(b.y(p)).isEqualTo(a.y(p));
            differs |= c.x(p) != a.x(p);
        }
        assertThat(differs).isTrue();
        assertThat(a.describe()).isEqualTo("UMAP of 180 photos (15 neighbours, seed 42)");
    }

    @Test
    void umapKeepsThreeSeparableClustersApart() {
        VectorIndex v = threeClusters(3);
        Projection map = Projector.project(v, ProjectionSettings.of(ProjectionMethod.UMAP), ProjectionProgress.NONE);
        assertThat(NeighbourDistortion.trustworthiness(v, map, 5)).isGreaterThanOrEqualTo(0.9);
        for (int p = 0; p < map.size(); p++) {
            int nearest = NeighbourDistortion.mapNearest(map, p, 1)[0];
            assertThat(nearest / 60).as("cluster of point %d's map neighbour", p).isEqualTo(p / 60);
        }
    }

    @Test
    void umapAboveTheLimitRunsOnASeededSampleReportsProgressAndStopsWhenCancelled() {
        VectorIndex v = threeClusters(6);
        List<Long> steps = new ArrayList<>();
        Projection map = Projector.project(v, ProjectionSettings.of(ProjectionMethod.UMAP).withMaxPoints(100),
                new ProjectionProgress() {
                    @Override
                    public void progress(long done, long total, String message) {
                        steps.add(done);
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
        assertThat(map.size()).isEqualTo(100);
        assertThat(map.sampled()).isTrue();
        assertThat(map.describe()).contains("UMAP of a random sample of 100 of 180 photos");
        assertThat(steps).hasSizeGreaterThanOrEqualTo(3).endsWith(1L); // start, the library's own steps, done
        // cancelled once the library has started: its first report unwinds it
        int[] calls = {0};
        ProjectionProgress cancelLater = new ProjectionProgress() {
            @Override
            public void progress(long done, long total, String message) {
                calls[0]++;
            }

            @Override
            public boolean isCancelled() {
                return calls[0] >= 1; // after "nearest neighbours", before the library's first step
            }
        };
        assertThatThrownBy(() -> Projector.project(v, ProjectionSettings.of(ProjectionMethod.UMAP), cancelLater))
                .isInstanceOf(CancellationException.class);
        assertThat(calls[0]).isEqualTo(1);
        // and a later run is not disturbed by the cancelled one
        Projection again = Projector.project(v, ProjectionSettings.of(ProjectionMethod.UMAP).withMaxPoints(100),
                ProjectionProgress.NONE);
        assertThat(again.x(0)).isEqualTo(map.x(0));
    }

    @Test
    void umapOfTinyGalleriesGivesAPlaceToEveryPhoto() {
        for (int n = 1; n <= 5; n++) {
            List<float[]> points = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                points.add(new float[] {i, i * i, 1});
            }
            Projection map = Projector.project(VectorIndex.of(3, points), ProjectionSettings.of(ProjectionMethod.UMAP),
                    ProjectionProgress.NONE);
            assertThat(map.size()).isEqualTo(n);
            for (int p = 0; p < n; p++) {
                assertThat(Float.isFinite(map.x(p)) && Float.isFinite(map.y(p))).as("point %d of %d", p, n).isTrue();
            }
        }
    }

    @Test
    void mapIntrudersAreThePhotosTheMapPutsNearerThanTheTrueNeighbours() {
        // query at the origin; true neighbours 1 and 2 at distance 2 and 3 on the map; 3 at 1 (an
        // intruder), 4 at 2.5 (an intruder), 5 at 4 (beyond the farthest true neighbour)
        int[] all = {0, 1, 2, 3, 4, 5};
        float[] x = {0, 2, 0, 1, -2.5f, 4};
        float[] y = {0, 0, 3, 0, 0, 0};
        Projection map = new Projection(ProjectionSettings.of(ProjectionMethod.PCA), 6, all, x, y, null, null);
        assertThat(NeighbourDistortion.mapIntruders(map, new float[] {0, 0}, List.of(1, 2), 0)).containsExactly(3, 4);
    }
}
