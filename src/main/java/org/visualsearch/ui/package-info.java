/**
 * The desktop app (JavaFX; the only package that may import it).
 *
 * <p>Entry point: {@link org.visualsearch.ui.VisualSearchApp#launchApp(String[], java.util.concurrent.Callable)}
 * with a factory of {@link org.visualsearch.ui.AppServices}, e.g. from the launcher:
 * <pre>{@code
 * VisualSearchApp.launchApp(args, () -> {
 *     ImageEmbedder model = ModelLoader.load(defaultModelFolder);
 *     IndexedGallery gallery = ...;          // from the gallery database, for model.info()
 *     SampleGallerySource sample = ...;      // core.sampledb download/import + indexing
 *     return AppServices.of(model, gallery, sample);
 * });
 * }</pre>
 * The factory runs off the FX thread after the window shows; an exception is shown in the window.
 * Later work (indexing a folder, switching the model) goes through
 * {@link org.visualsearch.ui.AppViewModel#runGalleryJob} (progress bar with Cancel) and
 * {@link org.visualsearch.ui.AppViewModel#install}.
 *
 * <p>Shape: views ({@code MainView}, {@code TopMatchesPanel}, {@code GalleryTileCell}, {@code CreditsView})
 * only bind and forward gestures; state and logic live in {@code AppViewModel}, {@code SearchViewModel}
 * and {@code JobViewModel}, which tests drive without a window.
 */
package org.visualsearch.ui;
