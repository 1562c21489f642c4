package org.visualsearch.core.image;

import java.io.IOException;
import java.nio.file.Path;

/** A file could not be turned into an image. The message is "path: reason", fit for a problems list. */
public class ImageLoadException extends IOException {
    private final transient Path file;
    private final String reason;

    public ImageLoadException(Path file, String reason) {
        this(file, reason, null);
    }

    public ImageLoadException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** The reason alone, without the path. */
    public String reason() {
        return reason;
    }
}
