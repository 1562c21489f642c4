/**
 * The desktop app (JavaFX; the only package that may import it).
 *
 * <p>Entry point: {@link org.visualsearch.ui.VisualSearchApp#launchApp(String[], java.util.concurrent.Callable)}
 * with a factory of {@link org.visualsearch.ui.AppServices}. The launcher passes
 * {@link org.visualsearch.ui.AppBootstrap#withDefaults()}: the gallery database in the data folder
 * ({@code VSS_DATA} or the app data folder; the sample folder becomes its first folder), the model
 * used last (else {@code models/default}), thumbnails from the database, credits. The factory runs
 * off the FX thread after the window shows; the window shows what is already indexed and then
 * brings the folders up to date in a background job (progress, Pause, Cancel; a later start
 * resumes). A model that cannot be loaded ends in a {@link org.visualsearch.ui.StartupFailure},
 * whose way out (the colour-histogram baseline) the window offers as a button.
 *
 * <p>The database side is {@link org.visualsearch.app.GallerySession} (implemented over the
 * core by {@link org.visualsearch.app.GallerySession}): add/remove folders, index, problems,
 * models, sample gallery download/import. {@link org.visualsearch.ui.AppViewModel} runs its work as
 * jobs ({@code updateIndex}, {@code addFolders}, {@code removeFolder}, {@code switchModel}) and
 * exposes folders, problems and models as observable lists. Tests without a database still build
 * {@code AppServices.of(embedder, gallery, sample)} and use
 * {@link org.visualsearch.ui.AppViewModel#runGalleryJob} and {@link org.visualsearch.ui.AppViewModel#install}.
 *
 * <p>Shape: views ({@code MainView}, {@code TopMatchesPanel}, {@code GalleryTileCell}, {@code CreditsView})
 * and the folders/problems dialogs only bind and forward gestures; state and logic live in {@code AppViewModel}, {@code SearchViewModel}
 * and {@code JobViewModel}, which tests drive without a window.
 */
package org.visualsearch.ui;
