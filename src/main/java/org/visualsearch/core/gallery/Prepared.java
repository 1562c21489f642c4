package org.visualsearch.core.gallery;

import java.awt.image.BufferedImage;
import java.util.Optional;

/** What a worker thread hands the run thread: a photo it is done with, or the end of its work. */
sealed interface Prepared {

    /** A work item after hashing and, when needed, decoding. */
    sealed interface Photo extends Prepared {
        WorkItem item();
    }

    /** The file cannot be read or decoded: a file-level problem. */
    record Failed(WorkItem item, String reason) implements Photo {
    }

    /** Hashed only: the content already has its vector and thumbnail, so nothing was decoded. */
    record Hashed(WorkItem item, String hash) implements Photo {
    }

    /** Decoded for the model; with a thumbnail when the content had none yet. */
    record Decoded(WorkItem item, String hash, BufferedImage image, Optional<byte[]> thumbnail) implements Photo {
    }

    /**
     * Decoded and embedded: the vector, or why the model failed on it (a problem of that model
     * only), or neither when the content has its vector from another file; with a thumbnail when
     * the content had none yet.
     */
    record Embedded(WorkItem item, String hash, float[] vector, String modelFailure, Optional<byte[]> thumbnail)
            implements Photo {
    }

    /**
     * The content's vector was known ahead of time ({@link KnownVectors}), so the photo was not
     * decoded: its thumbnail is made when it is first shown.
     */
    record Known(WorkItem item, String hash, float[] vector) implements Photo {
    }

    /** No more work. */
    record End() implements Prepared {
    }
}
