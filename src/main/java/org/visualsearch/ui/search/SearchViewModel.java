package org.visualsearch.ui.search;

import org.visualsearch.ui.gallery.GalleryTile;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.image.Image;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.metrics.QueryInGallery;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.ui.jobs.Messages;

/**
 * State and logic of the search screen: the query, its top-5 and the gallery ranked by distance.
 * The query's state lives here; what is shown of the gallery and the score is its
 * {@link RankingState}, and the search thread's work (decode, embed, rank) is {@link QuerySearch}.
 *
 * <p>Each query is decoded, embedded and ranked in a JavaFX {@link Task} on {@code searchExecutor},
 * which must run one task at a time (the embedder is thread-confined). A newer query supersedes
 * older ones: every query gets a generation number, and results or errors of a query that is no
 * longer the newest are dropped, so stale results never overwrite newer ones.
 *
 * <p>Call from the FX thread; properties change on the FX thread only.
 */
public final class SearchViewModel {
    private static final System.Logger LOG = System.getLogger(SearchViewModel.class.getName());
    public static final int TOP_K = 5;

    private final Executor searchExecutor;
    private final QuerySearch querySearch;
    private final AtomicLong generation = new AtomicLong();
    private final RankingState shown = new RankingState();

    private final ObjectProperty<ImageEmbedder> embedder = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> queryImage = new SimpleObjectProperty<>();
    private final StringProperty queryName = new SimpleStringProperty("");
    private final BooleanProperty searching = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty();
    private final LongProperty lastSearchMillis = new SimpleLongProperty(-1);
    private final LongProperty completedSearches = new SimpleLongProperty(0);
    private final BooleanBinding galleryEmpty;
    private final BooleanBinding ready;
    private final BooleanBinding acceptsQuery;
    private final StringProperty waitingQuery = new SimpleStringProperty();
    /** A query that arrived before the model: it runs when {@link #setModel} installs one. */
    private QueryRequest pending;
    /** The query on screen, run again under a new model. */
    private QueryRequest shownRequest;
    private float[] lastQueryVector;
    /** The shown query's vector (for views that place it, e.g. the map); null when no query is shown. */
    private final ObjectProperty<float[]> queryVector = new SimpleObjectProperty<>();
    private final ObjectProperty<ShownQuery> lastQuery = new SimpleObjectProperty<>();
    private String lastQueryModelId;
    /** The newest gallery handed in; searches run against it. {@code shown.gallery} is the one shown. */
    private volatile IndexedGallery latest;
    /** Finds the shown query in a gallery (its indices change with each snapshot); null without a query. */
    private Function<IndexedGallery, QueryInGallery> lastQueryLocator;
    /** Off: a query that is a gallery photo is left out of its own results, as {@code eval} does. */
    private final BooleanProperty showQueryInResults = new SimpleBooleanProperty(false);

    public SearchViewModel(Executor searchExecutor, ImageLoader loader) {
        this.searchExecutor = Objects.requireNonNull(searchExecutor);
        this.querySearch = new QuerySearch(Objects.requireNonNull(loader));
        ObjectProperty<IndexedGallery> gallery = shown.gallery;
        galleryEmpty = Bindings.createBooleanBinding(() -> gallery.get() == null || gallery.get().size() == 0, gallery);
        ready = Bindings.createBooleanBinding(() -> embedder.get() != null && !galleryEmpty.get(), embedder, galleryEmpty);
        acceptsQuery = Bindings.createBooleanBinding(() -> embedder.get() == null || ready.get(), embedder, ready);
        showQueryInResults.addListener((o, was, now) -> {
            if (lastQueryVector != null && shown.queryContext.get().inGallery() && latest != null) {
                rankAgain(latest, lastQueryVector);
            }
        });
    }

    /**
     * Installs the model and the gallery it indexed. The query on screen (or one that arrived
     * before any model) is searched again under the new model: switching models keeps the query.
     */
    public void setModel(ImageEmbedder newEmbedder, IndexedGallery newGallery) {
        generation.incrementAndGet();
        searching.set(false);
        embedder.set(newEmbedder);
        lastQueryVector = null;
        QueryRequest again = pending != null ? pending : shownRequest;
        pending = null;
        waitingQuery.set(null);
        shown.clearRanking();
        setGalleryTiles(newGallery);
        if (again != null && newGallery.size() > 0) {
            search(inGallery(again, newGallery));
        } else {
            shownRequest = null;
            clearQuery();
        }
    }

    /** A "more like this" pick points into the old gallery: the same photo in the new one. */
    private static QueryRequest inGallery(QueryRequest request, IndexedGallery target) {
        if (!(request instanceof QueryRequest.FromGallery pick)) {
            return request;
        }
        for (int i = 0; i < target.size(); i++) {
            if (target.entries().get(i).path().equals(pick.entry().path())) {
                return new QueryRequest.FromGallery(i, target.entries().get(i));
            }
        }
        return new QueryRequest.FromFile(pick.entry().path());
    }

    /**
     * Replaces the gallery (after an import or indexing run) with one embedded by the same model.
     * A shown query is ranked again against it on the search thread (at 100,000 photos that took
     * a few hundred milliseconds on the FX thread, every few seconds while indexing); until then
     * the window shows the previous gallery and its ranking, and new searches use the new one.
     */
    public void setGallery(IndexedGallery newGallery) {
        if (lastQueryVector != null && newGallery.size() > 0
                && newGallery.model().id().equals(lastQueryModelId)) {
            latest = newGallery;
            rankAgain(newGallery, lastQueryVector);
        } else {
            setGalleryTiles(newGallery);
            shown.clearScore();
            shown.clearRanking();
        }
    }

    private void rankAgain(IndexedGallery target, float[] vector) {
        long myGeneration = generation.get();
        Function<IndexedGallery, QueryInGallery> locator = lastQueryLocator;
        boolean showSelf = showQueryInResults.get();
        Task<QuerySearch.Ranking> task = new Task<>() {
            @Override
            protected QuerySearch.Ranking call() {
                if (myGeneration != generation.get() || latest != target) {
                    return null;
                }
                return QuerySearch.ranked(target, target.rankAll(vector), GalleryGrouping.categoriesOf(target),
                        locator, showSelf);
            }
        };
        task.setOnSucceeded(e -> {
            // a newer query shows its own ranking; a newer gallery is ranked by its own task
            if (task.getValue() != null && myGeneration == generation.get() && latest == target) {
                shown.showRanking(target, task.getValue());
            }
        });
        task.setOnFailed(e -> {
            LOG.log(System.Logger.Level.WARNING, "ranking the new gallery failed", task.getException());
            if (myGeneration == generation.get() && latest == target) {
                setGalleryTiles(target);
                shown.clearRanking();
            }
        });
        searchExecutor.execute(task);
    }

    private void setGalleryTiles(IndexedGallery newGallery) {
        latest = newGallery;
        shown.showGrouped(newGallery);
    }

    private void clearQuery() {
        lastQuery.set(null);
        lastQueryLocator = null;
        shown.clearScore();
        queryVector.set(null);
        queryImage.set(null);
        queryName.set("");
        shown.clearRanking();
    }

    /** Starts a search; supersedes any search still running. Errors end up in {@link #errorProperty()}. */
    public void search(QueryRequest request) {
        Objects.requireNonNull(request);
        long myGeneration = generation.incrementAndGet();
        ImageEmbedder model = embedder.get();
        IndexedGallery target = latest;
        IndexedGallery onScreen = shown.gallery.get();
        if (model == null) {
            // Still loading: keep it (the newest wins) and search when the model is there.
            pending = request;
            waitingQuery.set(request.label());
            searching.set(true);
            error.set(null);
            return;
        }
        if (target == null || target.size() == 0) {
            searching.set(false);
            error.set("The gallery is empty: get the sample gallery or add a folder first.");
            return;
        }
        long started = System.nanoTime();
        searching.set(true);
        boolean showSelf = showQueryInResults.get();
        Task<QuerySearch.Outcome> task = new Task<>() {
            @Override
            protected QuerySearch.Outcome call() throws Exception {
                return querySearch.run(request, model, target, target == onScreen ? null : onScreen, showSelf,
                        () -> myGeneration != generation.get());
            }
        };
        task.setOnSucceeded(e -> {
            QuerySearch.Outcome outcome = task.getValue();
            if (outcome == null || myGeneration != generation.get()) {
                return; // superseded
            }
            searching.set(false);
            error.set(null);
            queryImage.set(outcome.preview());
            queryName.set(request.label());
            shownRequest = request;
            lastQueryVector = outcome.vector();
            lastQueryModelId = model.info().id();
            lastQuery.set(new ShownQuery(request, outcome.decoded(), outcome.vector(), model));
            lastQueryLocator = outcome.locator();
            shown.showRanking(target, outcome.ranking());
            queryVector.set(outcome.vector());
            lastSearchMillis.set((System.nanoTime() - started) / 1_000_000);
            completedSearches.set(completedSearches.get() + 1);
            if (latest != target) {
                // A gallery arrived while this query ran (an indexing snapshot): without this the
                // older gallery would stay on screen until the next query.
                setGallery(latest);
            }
        });
        task.setOnFailed(e -> {
            if (myGeneration != generation.get()) {
                return;
            }
            searching.set(false);
            Throwable cause = task.getException();
            if (cause instanceof ImageLoadException) {
                LOG.log(System.Logger.Level.INFO, "query " + request.label() + ": " + cause.getMessage());
            } else {
                LOG.log(System.Logger.Level.WARNING, "query " + request.label() + " failed", cause);
            }
            error.set(null); // the same message twice must still show
            error.set(Messages.describe(cause));
        });
        searchExecutor.execute(task);
    }

    /** Forgets the error shown in the window. */
    public void dismissError() {
        error.set(null);
    }

    /** Shows a message that did not come from a search (e.g. an empty clipboard). */
    public void reportError(String message) {
        error.set(null);
        error.set(message);
    }

    /**
     * A query as it was searched: what was asked, the photo as decoded (null when a gallery
     * photo's preview could not be read), the vector and the model that gave it.
     */
    public record ShownQuery(QueryRequest request, BufferedImage decoded, float[] vector, ImageEmbedder model) {
    }

    /** The query on screen (set with its results; e.g. for the pipeline strip), or null. */
    public ReadOnlyObjectProperty<ShownQuery> lastQueryProperty() {
        return lastQuery;
    }

    public ReadOnlyObjectProperty<ImageEmbedder> embedderProperty() {
        return embedder;
    }

    public ReadOnlyObjectProperty<IndexedGallery> galleryProperty() {
        return shown.gallery;
    }

    /** The vector of the query shown (set after its top matches), or null. */
    public ReadOnlyObjectProperty<float[]> queryVectorProperty() {
        return queryVector;
    }

    public ReadOnlyObjectProperty<Image> queryImageProperty() {
        return queryImage;
    }

    public ReadOnlyStringProperty queryNameProperty() {
        return queryName;
    }

    /** The top-5, closest first. */
    public ObservableList<IndexedGallery.Hit> topMatches() {
        return shown.topMatchesView;
    }

    /** The gallery's categories, by name; {@code null} (photos without one) last. */
    public ObservableList<String> categories() {
        return shown.categoriesView;
    }

    /** The grid's tiles: grouped by category, or ranked by distance once a query is shown. */
    public ObservableList<GalleryTile> tiles() {
        return shown.tilesView;
    }

    /** The shown query as the challenge sees it: in the gallery or not, its category if known. */
    public ReadOnlyObjectProperty<QueryInGallery> queryContextProperty() {
        return shown.queryContext;
    }

    /** The shown query's P@5, scored without itself as {@code eval} does; null when its category is unknown. */
    public ReadOnlyObjectProperty<Double> precisionAt5Property() {
        return shown.precisionAt5;
    }

    /** Whether a query that is a gallery photo is shown among its own results (off: left out). */
    public BooleanProperty showQueryInResultsProperty() {
        return showQueryInResults;
    }

    /** Whether {@code hit} is of another category than the shown query's (known) one. */
    public boolean isWrong(IndexedGallery.Hit hit) {
        return shown.queryContext.get().isWrong(hit);
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching;
    }

    public ReadOnlyBooleanProperty rankedProperty() {
        return shown.ranked;
    }

    /** The message to show, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Milliseconds from the query's arrival to its results on screen, or -1 before the first. */
    public ReadOnlyLongProperty lastSearchMillisProperty() {
        return lastSearchMillis;
    }

    public ReadOnlyLongProperty completedSearchesProperty() {
        return completedSearches;
    }

    public BooleanBinding galleryEmptyProperty() {
        return galleryEmpty;
    }

    /**
     * Whether a query can be given now (Open…, Paste, a drop): while the model loads it waits for
     * it; once loaded, only a gallery with photos can be searched.
     */
    public BooleanBinding acceptsQueryProperty() {
        return acceptsQuery;
    }

    /** The name of a query waiting for the model to load, or null. */
    public ReadOnlyStringProperty waitingQueryProperty() {
        return waitingQuery;
    }

    /** True when a model and a non-empty gallery are installed. */
    public BooleanBinding readyProperty() {
        return ready;
    }
}
