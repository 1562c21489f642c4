package org.visualsearch.core.model;

import java.nio.file.Path;

/** Entry point for loading embedding models from disk. */
public final class ModelLoader {

    private ModelLoader() {
    }

    /**
     * Loads a model folder (TorchScript file plus optional {@code serving.properties}) or a
     * TorchScript file; configures DJL first if no one has yet ({@link DjlEnvironment}).
     *
     * @throws EmbeddingException with a message naming the model path and the cause
     */
    public static TorchScriptEmbedder load(Path modelPath) throws EmbeddingException {
        DjlEnvironment.configure();
        return TorchScriptEmbedder.load(modelPath);
    }
}
