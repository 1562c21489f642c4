package org.visualsearch.core.gallery;

/**
 * A file the run must look at: new, changed, or not yet embedded by the model.
 *
 * @param knownHash its stored content hash when the file is unchanged, else null (hash it)
 */
record WorkItem(long folderId, FolderScanner.ScannedFile file, String knownHash) {
}
