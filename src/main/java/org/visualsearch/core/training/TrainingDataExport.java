package org.visualsearch.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.visualsearch.core.model.DjlEnvironment;

/**
 * Writes what a training run trained on, for the Python tool to train on exactly the same:
 * {@code features.npz} (float32 {@code features} [N,F], rows in the order of the split file) and
 * {@code split.tsv} (columns file, category, instance, instance_label, split = train|val). See
 * {@code tools/model-export/train_from_app.py}.
 */
public final class TrainingDataExport {

    private TrainingDataExport() {
    }

    public static void write(Path folder, LabelledFeatures data, ValidationSplit split) throws IOException {
        Files.createDirectories(folder);
        Set<Integer> validation = new HashSet<>(split.validation());
        try (Writer w = Files.newBufferedWriter(folder.resolve("split.tsv"), StandardCharsets.UTF_8)) {
            w.write("file\tcategory\tinstance\tinstance_label\tsplit\n");
            for (int i = 0; i < data.size(); i++) {
                LabelledFeatures.Sample s = data.samples().get(i);
                w.write(s.path() + "\t" + s.category() + "\t" + (s.instance() == null ? "" : s.instance())
                        + "\t" + s.instanceLabel() + "\t" + (validation.contains(i) ? "val" : "train") + "\n");
            }
        }
        DjlEnvironment.configure();
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             OutputStream out = Files.newOutputStream(folder.resolve("features.npz"))) {
            NDArray x = manager.create(data.features(), new Shape(data.size(), data.dimension()));
            x.setName("features");
            new NDList(x).encode(out, NDList.Encoding.NPZ);
        }
    }
}
