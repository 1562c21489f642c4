package org.visualsearch.ui.window;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableLongValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.model.ModelInfo;

/** What the status bar says: the model, the gallery's size, the index state, problems, the last search's time. */
public final class StatusBarModel {
    private final StringBinding modelText;
    private final StringBinding countText;
    private final ObservableStringValue indexState;
    private final StringBinding timingText;
    private final StringBinding problemsText;
    private final BooleanBinding hasProblems;

    /**
     * @param embedder         the model in use, or null while loading
     * @param loadProblem      why no model could be loaded, or null
     * @param gallery          the gallery searched
     * @param indexState       the library's index state line
     * @param lastSearchMillis milliseconds of the last search, or negative before the first
     * @param problems         files that could not be indexed
     */
    public StatusBarModel(ObservableValue<ImageEmbedder> embedder, ObservableStringValue loadProblem,
                          ObservableValue<IndexedGallery> gallery, ObservableStringValue indexState,
                          ObservableLongValue lastSearchMillis, ObservableList<?> problems) {
        this(embedder, loadProblem, gallery, indexState, lastSearchMillis, problems,
                new javafx.beans.property.SimpleStringProperty());
    }

    /**
     * @param indexedLine while indexing, the job's count ("43 of 100 photos indexed"), else null:
     *                    shown instead of the gallery's size, which arrives a few seconds behind
     */
    public StatusBarModel(ObservableValue<ImageEmbedder> embedder, ObservableStringValue loadProblem,
                          ObservableValue<IndexedGallery> gallery, ObservableStringValue indexState,
                          ObservableLongValue lastSearchMillis, ObservableList<?> problems,
                          ObservableStringValue indexedLine) {
        this.indexState = indexState;
        modelText = Bindings.createStringBinding(() -> modelText(embedder.getValue(), loadProblem.get()),
                embedder, loadProblem);
        countText = Bindings.createStringBinding(() -> {
            if (indexedLine.get() != null) {
                return indexedLine.get();
            }
            int n = gallery.getValue() == null ? 0 : gallery.getValue().size();
            return String.format("%,d photo%s", n, n == 1 ? "" : "s"); // the app's one word for them
        }, gallery, indexedLine);
        timingText = Bindings.createStringBinding(() -> {
            long ms = lastSearchMillis.get();
            return ms < 0 ? "no query yet" : "last search " + ms + " ms";
        }, lastSearchMillis);
        problemsText = Bindings.createStringBinding(() -> {
            int n = problems.size();
            return String.format("%,d problem%s", n, n == 1 ? "" : "s");
        }, problems);
        hasProblems = Bindings.isNotEmpty(problems);
    }

    /** Name and dimension, loading, or that none could be loaded. */
    static String modelText(ImageEmbedder model, String loadProblem) {
        if (model == null) {
            return loadProblem != null ? "No model loaded" : "Loading model…";
        }
        ModelInfo info = model.info();
        return info.name() + " · " + info.dimension() + "-d";
    }

    public StringBinding modelText() {
        return modelText;
    }

    public StringBinding countText() {
        return countText;
    }

    public ObservableStringValue indexState() {
        return indexState;
    }

    public StringBinding timingText() {
        return timingText;
    }

    public StringBinding problemsText() {
        return problemsText;
    }

    public BooleanBinding hasProblems() {
        return hasProblems;
    }

    /** For tests: the texts in the bar's order. */
    public List<String> texts() {
        return List.of(modelText.get(), countText.get(), indexState.get(), timingText.get());
    }
}
