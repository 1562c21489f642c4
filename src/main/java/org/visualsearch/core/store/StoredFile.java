package org.visualsearch.core.store;

/**
 * What the database remembers of a file, so that a rescan re-hashes only changed files.
 *
 * @param path        absolute path as scanned
 * @param size        size in bytes when it was hashed
 * @param modifiedMillis last-modified time in epoch milliseconds when it was hashed
 * @param contentHash hex SHA-256 of the content
 */
public record StoredFile(String path, long size, long modifiedMillis, String contentHash) {
}
