/**
 * The application layer: the use-cases the command line and the window share, over the core, with
 * no JavaFX. {@link org.visualsearch.app.GallerySession} is the open gallery database with the
 * current model (index, add and remove folders, load the gallery, evaluate, switch the model, get
 * the sample gallery); long work reports through {@link org.visualsearch.app.ProgressSink}, which
 * the window's job bar and the command line's stderr implement.
 */
package org.visualsearch.app;
