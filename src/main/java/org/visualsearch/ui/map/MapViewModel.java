package org.visualsearch.ui.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.visualsearch.core.comparison.ModelComparison;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.projection.NeighbourDistortion;
import org.visualsearch.core.projection.Projection;
import org.visualsearch.core.projection.ProjectionCache;
import org.visualsearch.core.projection.ProjectionMethod;
import org.visualsearch.core.projection.ProjectionProgress;
import org.visualsearch.core.projection.ProjectionSettings;

/**
 * The embedding map's state: the projection of the current gallery (computed off the FX thread,
 * with progress and cancel, cached per model, gallery contents and settings), where the current
 * query sits, its true top-5 in the full space, and the photos the map puts nearer than those
 * (the map's distortion). With a comparison made, the map shows model A's or model B's vectors
 * ({@link #sideProperty()}); the box selection and the highlighted photo stay marked across the
 * switch. Use from the FX thread.
 */
public final class MapViewModel {
    /** Trustworthiness is shown for maps up to this size (it is quadratic). */
    static final int TRUST_UP_TO = 5_000;

    /** Which of the comparison's two models the map shows. */
    public enum Side { A, B }

    private final ObservableValue<? extends IndexedGallery> gallery;
    private final ObservableValue<float[]> queryVector;
    private final ObservableList<IndexedGallery.Hit> topMatches;
    private final Executor executor;
    private final IntConsumer queryWithPhoto;
    private final ProjectionCache cache;
    private final ObservableValue<ModelComparison> comparison;
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(Side.A);
    private final BooleanBinding canShowB;
    private final MapMarks marks = new MapMarks();

    private final ObjectProperty<ProjectionMethod> method = new SimpleObjectProperty<>(ProjectionMethod.PCA);
    private final ObjectProperty<Projection> projection = new SimpleObjectProperty<>();
    private final ObjectProperty<IndexedGallery> projectedGallery = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("No photos to map yet.");
    private final QueryPlacement place = new QueryPlacement();
    private AtomicBoolean cancelRunning;
    private boolean active;
    private boolean stale = true;
    private long generation;

    /**
     * @param gallery        the gallery to map (the current model's vectors)
     * @param queryVector    the current query's vector, or null
     * @param topMatches     the current query's top-5 in the full space
     * @param executor       runs projections
     * @param queryWithPhoto called with a gallery index when the user clicks a photo
     * @param cache          projections already computed
     */
    public MapViewModel(ObservableValue<? extends IndexedGallery> gallery, ObservableValue<float[]> queryVector,
                        ObservableList<IndexedGallery.Hit> topMatches, Executor executor, IntConsumer queryWithPhoto,
                        ProjectionCache cache) {
        this(gallery, queryVector, topMatches, executor, queryWithPhoto, cache, new SimpleObjectProperty<>());
    }

    /**
     * @param comparison the comparison of the current model (A) with a second (B), or null while there is
     *                   none: the map can show B's vectors while there is one
     */
    public MapViewModel(ObservableValue<? extends IndexedGallery> gallery, ObservableValue<float[]> queryVector,
                        ObservableList<IndexedGallery.Hit> topMatches, Executor executor, IntConsumer queryWithPhoto,
                        ProjectionCache cache, ObservableValue<ModelComparison> comparison) {
        this.gallery = Objects.requireNonNull(gallery);
        this.queryVector = Objects.requireNonNull(queryVector);
        this.topMatches = Objects.requireNonNull(topMatches);
        this.executor = Objects.requireNonNull(executor);
        this.queryWithPhoto = Objects.requireNonNull(queryWithPhoto);
        this.cache = Objects.requireNonNull(cache);
        this.comparison = Objects.requireNonNull(comparison);
        this.canShowB = Bindings.createBooleanBinding(() -> comparison.getValue() != null, comparison);
        gallery.addListener((o, a, b) -> {
            if (side.get() == Side.A) {
                projectWhenActive();
            }
        });
        method.addListener((o, a, b) -> projectWhenActive());
        comparison.addListener((o, a, b) -> {
            if (b == null && side.get() == Side.B) {
                side.set(Side.A); // the comparison is gone (another model or gallery): back to the current model
            } else if (side.get() == Side.B) {
                projectWhenActive();
            }
        });
        side.addListener((o, a, b) -> projectWhenActive());
        queryVector.addListener((o, a, b) -> placeQuery());
        topMatches.addListener((ListChangeListener<IndexedGallery.Hit>) c -> placeQuery());
    }

    /** The gallery the map is to show: the current one, or model B's while B is shown. */
    private IndexedGallery galleryToMap() {
        ModelComparison c = comparison.getValue();
        return side.get() == Side.B && c != null ? c.galleryB() : gallery.getValue();
    }

    /**
     * Whether the map is on screen. Projections run only while it is (or once it has been): a
     * window that never shows the map never spends a core on it, e.g. while it opens or indexes.
     */
    public void setActive(boolean nowActive) {
        boolean was = active;
        active = nowActive;
        if (nowActive && (!was || stale)) {
            projectWhenActive();
        }
    }

    private void projectWhenActive() {
        if (active) {
            stale = false;
            project();
        } else {
            stale = true;
        }
    }

    /** (Re)projects the current gallery with the current method: from the cache, else in the background. */
    public void project() {
        cancel();
        long myGeneration = ++generation;
        IndexedGallery g = galleryToMap();
        if (g == null || g.size() == 0) {
            show(null, null, "No photos to map yet: index a gallery first.");
            return;
        }
        ProjectionSettings settings = ProjectionSettings.of(method.get());
        ProjectionCache.Key key = ProjectionCache.keyOf(g, settings);
        Projection cached = cache.get(key);
        if (cached != null) {
            show(g, cached, null);
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelRunning = cancelled;
        running.set(true);
        progress.set(-1);
        message.set(settings.method() != ProjectionMethod.PCA && g.size() > settings.maxPoints()
                ? String.format("%s of a random sample of %,d of %,d photos…", settings.method().label(), settings.maxPoints(), g.size())
                : method.get().label() + " of " + String.format("%,d", g.size()) + " photos…");
        ProjectionProgress sink = new ProjectionProgress() {
            private long lastPosted;

            @Override
            public void progress(long done, long total, String text) {
                long now = System.nanoTime();
                if (now - lastPosted > 100_000_000L || done == total) { // at most 10 updates a second
                    lastPosted = now;
                    Platform.runLater(() -> {
                        if (myGeneration == generation) {
                            progress.set(total > 0 ? (double) done / total : -1);
                            message.set(text);
                        }
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        try {
            executor.execute(() -> {
                try {
                    Projection fresh = cache.project(g, settings, sink);
                    String trust = trustText(g, fresh);
                    Platform.runLater(() -> {
                        if (myGeneration == generation) {
                            running.set(false);
                            show(g, fresh, trust);
                        }
                    });
                } catch (CancellationException e) {
                    Platform.runLater(() -> {
                        if (myGeneration == generation) {
                            running.set(false);
                            message.set("Cancelled: the map shows nothing until you project again.");
                        }
                    });
                } catch (RuntimeException | OutOfMemoryError e) {
                    Platform.runLater(() -> {
                        if (myGeneration == generation) {
                            running.set(false);
                            show(null, null, "The map could not be computed: " + e.getMessage());
                        }
                    });
                }
            });
        } catch (RejectedExecutionException closing) {
            running.set(false);
        }
    }

    private static String trustText(IndexedGallery g, Projection p) {
        if (p.size() < 12 || p.size() > TRUST_UP_TO) {
            return null;
        }
        double t = NeighbourDistortion.trustworthiness(NeighbourDistortion.mappedVectors(g.vectors(), p), p, 5);
        return String.format("trustworthiness %.2f (1: the map keeps every photo's 5 true nearest)", t);
    }

    private void show(IndexedGallery g, Projection p, String trust) {
        projectedGallery.set(g);
        marks.showOn(g);
        projection.set(p);
        if (p == null) {
            description.set(trust == null ? "No photos to map yet." : trust);
            message.set("");
        } else {
            description.set(p.describe() + (trust == null ? "" : " · " + trust));
            message.set("");
        }
        placeQuery();
    }

    /** Stops a projection in progress (its result is dropped). */
    public void cancel() {
        if (cancelRunning != null) {
            cancelRunning.set(true);
            cancelRunning = null;
        }
        if (running.get()) {
            running.set(false);
            generation++;
            message.set("Cancelled.");
        }
    }

    private void placeQuery() {
        Projection p = projection.get();
        IndexedGallery g = projectedGallery.get();
        if (side.get() == Side.B && comparison.getValue() != null) {
            place.placePhoto(p, g, marks.highlightedIndexProperty().get());
        } else {
            place.placeQuery(p, g, queryVector.getValue(), topMatches);
        }
    }

    /** The user clicked the photo at map point {@code point}: search with it. */
    public void queryWithPoint(int point) {
        Projection p = projection.get();
        IndexedGallery shown = projectedGallery.get();
        if (p == null || shown == null || point < 0 || point >= p.size()) {
            return;
        }
        GalleryEntry entry = shown.entries().get(p.galleryIndex(point));
        highlight(entry);
        IndexedGallery current = gallery.getValue();
        int inCurrent = current == shown ? p.galleryIndex(point)
                : current == null ? -1 : current.entries().indexOf(entry);
        if (inCurrent >= 0) {
            queryWithPhoto.accept(inCurrent); // the search runs under the current model, A
        }
    }

    /** Marks this photo on the map (under A and B alike), e.g. the query picked in the comparison. */
    public void highlight(GalleryEntry entry) {
        marks.highlight(entry);
        if (side.get() == Side.B) {
            placeQuery();
        }
    }

    /** Selects the photos of these map points (box-select). */
    public void select(List<Integer> points) {
        Projection p = projection.get();
        List<Integer> indices = new ArrayList<>(points.size());
        if (p != null) {
            for (int point : points) {
                indices.add(p.galleryIndex(point));
            }
        }
        marks.select(indices);
    }

    /** The gallery entry of map point {@code point}. */
    public GalleryEntry entryOf(int point) {
        return projectedGallery.get().entries().get(projection.get().galleryIndex(point));
    }

    public ObjectProperty<ProjectionMethod> methodProperty() {
        return method;
    }

    public ReadOnlyObjectProperty<Projection> projectionProperty() {
        return projection;
    }

    /** The gallery the shown projection belongs to. */
    public ReadOnlyObjectProperty<IndexedGallery> projectedGalleryProperty() {
        return projectedGallery;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** What the map is (method, sample, variance or trustworthiness). */
    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }

    /** The query's place on the map, or null. */
    public ReadOnlyObjectProperty<float[]> queryOnMapProperty() {
        return place.queryOnMapProperty();
    }

    /** Gallery indices of the query's true top-5 (full space). */
    public ObservableList<Integer> neighbours() {
        return place.neighbours();
    }

    /** Gallery indices of the photos the map puts nearer to the query than its true top-5, nearest first. */
    public ObservableList<Integer> intruders() {
        return place.intruders();
    }

    /** Gallery indices of the box-selected photos. */
    public ObservableList<Integer> selection() {
        return marks.selection();
    }

    public ReadOnlyStringProperty selectionTextProperty() {
        return marks.selectionTextProperty();
    }

    /** The highlighted photo (clicked on the map or picked in the comparison), or null. */
    public ReadOnlyObjectProperty<GalleryEntry> highlightedProperty() {
        return marks.highlightedProperty();
    }

    /** The highlighted photo's index in the gallery on the map, or -1 (none, or not in it). */
    public ReadOnlyIntegerProperty highlightedIndexProperty() {
        return marks.highlightedIndexProperty();
    }

    /** Model A (the current one) or B (the comparison's second); B needs a comparison. */
    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    /** Whether there is a comparison, so the map can show model B. */
    public BooleanBinding canShowBProperty() {
        return canShowB;
    }

    /** The toggle's text for model A or B: "A: name" with a comparison, else what to do. */
    public javafx.beans.binding.StringBinding sideLabel(Side which) {
        return Bindings.createStringBinding(() -> {
            ModelComparison c = comparison.getValue();
            if (c == null) {
                return which == Side.A ? "A: current model" : "B: compare first";
            }
            return which + ": " + (which == Side.A ? c.modelA() : c.modelB()).name();
        }, comparison);
    }
}
