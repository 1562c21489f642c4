package org.visualsearch.core.store;

/**
 * One photo ready to be written by {@link GalleryDatabase#commitBatch}: its entry plus, when the
 * database does not have them yet, its vector and thumbnail.
 *
 * @param path           absolute path as scanned
 * @param category       first-level subfolder under the root, or {@code null}
 * @param size           bytes
 * @param modifiedMillis last-modified, epoch milliseconds
 * @param contentHash    hex SHA-256 of the content
 * @param vector         the model's vector, or {@code null} when already stored for this hash
 * @param thumbnailJpeg  a small JPEG, or {@code null} when already stored for this hash
 */
public record IndexedFile(String path, String category, long size, long modifiedMillis, String contentHash,
                          float[] vector, byte[] thumbnailJpeg) {
}
