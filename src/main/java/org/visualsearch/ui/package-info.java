/**
 * The desktop app (JavaFX; with its sub-packages, the only code that may import it).
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
 * <p>Shape: {@link org.visualsearch.ui.AppViewModel} is the composition root (threads, the
 * search, job and library view-models, the services); {@link org.visualsearch.ui.MainWindow}
 * builds the window from region views ({@code ui.window}: header, error banner, status bar, the
 * frame with its top-level views; {@code ui.search}: query pane and top 5; {@code ui.gallery}: the
 * gallery pane and its empty state; {@code ui.jobs}: the job bar), each over its own model. The
 * database side is the app layer's {@link org.visualsearch.app.GallerySession}, whose jobs
 * {@link org.visualsearch.ui.library.LibraryViewModel} runs through the one job runner
 * {@link org.visualsearch.ui.jobs.JobViewModel}, outcomes as {@link org.visualsearch.ui.jobs.JobOutcome}
 * values. Views only bind and forward gestures; tests drive the view-models without a window.
 */
package org.visualsearch.ui;
