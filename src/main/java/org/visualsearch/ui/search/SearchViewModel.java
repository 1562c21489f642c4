package org.visualsearch.ui.search;

import org.visualsearch.ui.gallery.GalleryTile;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import java.util.function.Function;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.metrics.QueryInGallery;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.ui.jobs.Messages;

/**
 * State and logic of the search screen: the query, its top-5 and the gallery ranked by distance.
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
    private final ImageLoader loader;
    private final AtomicLong generation = new AtomicLong();

    private final ObjectProperty<ImageEmbedder> embedder = new SimpleObjectProperty<>();
    private final ObjectProperty<IndexedGallery> gallery = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> queryImage = new SimpleObjectProperty<>();
    private final StringProperty queryName = new SimpleStringProperty("");
    private final ObservableList<IndexedGallery.Hit> topMatches = FXCollections.observableArrayList();
    private final TileList tiles = new TileList();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    // Read-only views made once: a wrapper made per call only weakly listens to its list and
    // would be collected together with the listeners added to it.
    private final ObservableList<IndexedGallery.Hit> topMatchesView = FXCollections.unmodifiableObservableList(topMatches);
    private final ObservableList<GalleryTile> tilesView = FXCollections.unmodifiableObservableList(tiles);
    private final ObservableList<String> categoriesView = FXCollections.unmodifiableObservableList(categories);
    private final BooleanProperty searching = new SimpleBooleanProperty(false);
    private final BooleanProperty ranked = new SimpleBooleanProperty(false);
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
    private String lastQueryModelId;
    /** The newest gallery handed in; searches run against it. {@link #gallery} is the one shown. */
    private volatile IndexedGallery latest;
    /** Finds the shown query in a gallery (its indices change with each snapshot); null without a query. */
    private Function<IndexedGallery, QueryInGallery> lastQueryLocator;
    private final ObjectProperty<QueryInGallery> queryContext = new SimpleObjectProperty<>(QueryInGallery.UNKNOWN);
    private final ObjectProperty<Double> precisionAt5 = new SimpleObjectProperty<>();
    /** Off: a query that is a gallery photo is left out of its own results, as {@code eval} does. */
    private final BooleanProperty showQueryInResults = new SimpleBooleanProperty(false);

    public SearchViewModel(Executor searchExecutor, ImageLoader loader) {
        this.searchExecutor = Objects.requireNonNull(searchExecutor);
        this.loader = Objects.requireNonNull(loader);
        galleryEmpty = Bindings.createBooleanBinding(() -> gallery.get() == null || gallery.get().size() == 0, gallery);
        ready = Bindings.createBooleanBinding(() -> embedder.get() != null && !galleryEmpty.get(), embedder, galleryEmpty);
        acceptsQuery = Bindings.createBooleanBinding(() -> embedder.get() == null || ready.get(), embedder, ready);
        showQueryInResults.addListener((o, was, now) -> {
            if (lastQueryVector != null && queryContext.get().inGallery() && latest != null) {
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
        topMatches.clear();
        ranked.set(false);
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
            queryContext.set(QueryInGallery.UNKNOWN);
            precisionAt5.set(null);
            topMatches.clear();
            ranked.set(false);
        }
    }

    private void rankAgain(IndexedGallery target, float[] vector) {
        long myGeneration = generation.get();
        Function<IndexedGallery, QueryInGallery> locator = lastQueryLocator;
        boolean showSelf = showQueryInResults.get();
        Task<Ranking> task = new Task<>() {
            @Override
            protected Ranking call() {
                if (myGeneration != generation.get() || latest != target) {
                    return null;
                }
                return ranked(target, target.rankAll(vector), GalleryGrouping.categoriesOf(target), locator, showSelf);
            }
        };
        task.setOnSucceeded(e -> {
            // a newer query shows its own ranking; a newer gallery is ranked by its own task
            if (task.getValue() != null && myGeneration == generation.get() && latest == target) {
                showRanking(target, task.getValue());
            }
        });
        task.setOnFailed(e -> {
            LOG.log(System.Logger.Level.WARNING, "ranking the new gallery failed", task.getException());
            if (myGeneration == generation.get() && latest == target) {
                setGalleryTiles(target);
                topMatches.clear();
                ranked.set(false);
            }
        });
        searchExecutor.execute(task);
    }

    private void setGalleryTiles(IndexedGallery newGallery) {
        latest = newGallery;
        GalleryGrouping grouping = GalleryGrouping.of(newGallery);
        categories.setAll(grouping.categories());
        gallery.set(newGallery);
        tiles.replaceAll(grouping.tiles());
    }

    private void clearQuery() {
        lastQuery.set(null);
        lastQueryLocator = null;
        queryContext.set(QueryInGallery.UNKNOWN);
        precisionAt5.set(null);
        queryVector.set(null);
        queryImage.set(null);
        queryName.set("");
        topMatches.clear();
        ranked.set(false);
    }

    /** Starts a search; supersedes any search still running. Errors end up in {@link #errorProperty()}. */
    public void search(QueryRequest request) {
        Objects.requireNonNull(request);
        long myGeneration = generation.incrementAndGet();
        ImageEmbedder model = embedder.get();
        IndexedGallery target = latest;
        IndexedGallery shown = gallery.get();
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
        Task<SearchOutcome> task = new Task<>() {
            @Override
            protected SearchOutcome call() throws Exception {
                return compute(request, model, target, target == shown ? null : shown, myGeneration, showSelf);
            }
        };
        task.setOnSucceeded(e -> {
            SearchOutcome outcome = task.getValue();
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
            showRanking(target, outcome.ranking());
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
            if (cause instanceof org.visualsearch.core.image.ImageLoadException) {
                LOG.log(System.Logger.Level.INFO, "query " + request.label() + ": " + cause.getMessage());
            } else {
                LOG.log(System.Logger.Level.WARNING, "query " + request.label() + " failed", cause);
            }
            error.set(null); // the same message twice must still show
            error.set(Messages.describe(cause));
        });
        searchExecutor.execute(task);
    }

    private record SearchOutcome(Image preview, BufferedImage decoded, float[] vector, Ranking ranking,
                                 Function<IndexedGallery, QueryInGallery> locator) {
    }

    /**
     * The top-5 and the grid's tiles, closest first; the gallery's categories when it is not the
     * one shown yet, else null; the query as the challenge sees it and its P@5 (null if unknown).
     */
    private record Ranking(List<IndexedGallery.Hit> top, List<GalleryTile> tiles, List<String> categories,
                           QueryInGallery query, Double precisionAt5) {
    }

    /**
     * Turns a whole-gallery ranking into what the window shows; runs on the search thread. The
     * query is left out of it when it is a gallery photo, unless {@code showSelf}; P@5 is always
     * scored without it.
     */
    private static Ranking ranked(IndexedGallery target, List<IndexedGallery.Hit> fullRanking, List<String> categories,
                                  Function<IndexedGallery, QueryInGallery> locator, boolean showSelf) {
        QueryInGallery query = locator == null ? QueryInGallery.UNKNOWN : locator.apply(target);
        List<IndexedGallery.Hit> withoutSelf = query.leaveOut(fullRanking);
        java.util.OptionalDouble p5 = query.precisionAt5(target, withoutSelf);
        List<IndexedGallery.Hit> ranking = showSelf ? fullRanking : withoutSelf;
        GalleryTile[] sorted = new GalleryTile[ranking.size()];
        for (int i = 0; i < sorted.length; i++) {
            IndexedGallery.Hit hit = ranking.get(i);
            sorted[i] = new GalleryTile(hit.index(), hit.entry(), hit.rank(), hit.distance());
        }
        return new Ranking(List.copyOf(ranking.subList(0, Math.min(TOP_K, ranking.size()))), Arrays.asList(sorted),
                categories, query, p5.isPresent() ? p5.getAsDouble() : null);
    }

    /**
     * Runs on the search thread; returns null as soon as it notices a newer query. {@code shown}
     * is the gallery on screen when it differs from {@code target} (a picked tile's index is into it).
     */
    private SearchOutcome compute(QueryRequest request, ImageEmbedder model, IndexedGallery target,
                                  IndexedGallery shown, long myGeneration, boolean showSelf) throws Exception {
        if (myGeneration != generation.get()) {
            return null;
        }
        BufferedImage image;
        float[] vector;
        Function<IndexedGallery, QueryInGallery> locator;
        if (request instanceof QueryRequest.FromGallery pick) {
            vector = (shown != null ? shown : target).vectors().vector(pick.index());
            image = loadPreviewQuietly(pick.entry());
            locator = g -> QueryInGallery.ofEntry(g, pick.entry());
        } else {
            // The gallery was decoded at the model's vss.maxSide (its id depends on it): so is the query.
            ImageLoader queryLoader = loader.maxSide() == model.maxSide() ? loader : new ImageLoader(model.maxSide());
            if (request instanceof QueryRequest.FromFile file) {
                image = queryLoader.load(file.file());
            } else if (request instanceof QueryRequest.FromBytes bytes) {
                image = queryLoader.load(bytes.content(), Path.of(bytes.label()));
            } else {
                image = queryLoader.fit(((QueryRequest.FromImage) request).image());
            }
            if (myGeneration != generation.get()) {
                return null;
            }
            vector = model.embed(image);
            if (request instanceof QueryRequest.FromFile file) {
                String hash = hashQuietly(file.file());
                locator = g -> QueryInGallery.ofFile(g, file.file(), hash);
            } else {
                locator = null; // a pasted image has no file to match
            }
        }
        if (myGeneration != generation.get()) {
            return null;
        }
        Ranking ranking = ranked(target, target.rankAll(vector),
                shown == null ? null : GalleryGrouping.categoriesOf(target), locator, showSelf);
        Image preview = image == null ? null : SwingFXUtils.toFXImage(image, null);
        return new SearchOutcome(preview, image, vector, ranking, locator);
    }

    private static String hashQuietly(java.nio.file.Path file) {
        try {
            return Sha256.of(file);
        } catch (java.io.IOException e) {
            return null; // it was just decoded; if it cannot be read again it is simply not matched
        }
    }

    private BufferedImage loadPreviewQuietly(GalleryEntry entry) {
        try {
            return loader.load(entry.path());
        } catch (Exception e) {
            return null; // the stored vector still answers the query
        }
    }

    private void showRanking(IndexedGallery target, Ranking ranking) {
        if (ranking.categories() != null) {
            categories.setAll(ranking.categories());
        }
        gallery.set(target);
        queryContext.set(ranking.query());
        precisionAt5.set(ranking.precisionAt5());
        topMatches.setAll(ranking.top());
        tiles.replaceAll(ranking.tiles());
        ranked.set(true);
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

    private final javafx.beans.property.ObjectProperty<ShownQuery> lastQuery = new javafx.beans.property.SimpleObjectProperty<>();

    /** The query on screen (set with its results; e.g. for the pipeline strip), or null. */
    public ReadOnlyObjectProperty<ShownQuery> lastQueryProperty() {
        return lastQuery;
    }

    public ReadOnlyObjectProperty<ImageEmbedder> embedderProperty() {
        return embedder;
    }

    public ReadOnlyObjectProperty<IndexedGallery> galleryProperty() {
        return gallery;
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
        return topMatchesView;
    }

    /** The gallery's categories, by name; {@code null} (photos without one) last. */
    public ObservableList<String> categories() {
        return categoriesView;
    }

    /** The grid's tiles: grouped by category, or ranked by distance once a query is shown. */
    public ObservableList<GalleryTile> tiles() {
        return tilesView;
    }

    /** The shown query as the challenge sees it: in the gallery or not, its category if known. */
    public ReadOnlyObjectProperty<QueryInGallery> queryContextProperty() {
        return queryContext;
    }

    /** The shown query's P@5, scored without itself as {@code eval} does; null when its category is unknown. */
    public ReadOnlyObjectProperty<Double> precisionAt5Property() {
        return precisionAt5;
    }

    /** Whether a query that is a gallery photo is shown among its own results (off: left out). */
    public BooleanProperty showQueryInResultsProperty() {
        return showQueryInResults;
    }

    /** Whether {@code hit} is of another category than the shown query's (known) one. */
    public boolean isWrong(IndexedGallery.Hit hit) {
        return queryContext.get().isWrong(hit);
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching;
    }

    public ReadOnlyBooleanProperty rankedProperty() {
        return ranked;
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
