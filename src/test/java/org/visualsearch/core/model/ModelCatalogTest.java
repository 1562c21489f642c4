package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders under the models folder are offered as models. No model is loaded. */
class ModelCatalogTest {

    @TempDir
    Path models;

    private Path folderWith(String name, String file) throws IOException {
        Path folder = Files.createDirectories(models.resolve(name));
        Files.write(folder.resolve(file), new byte[] {1, 2, 3});
        return folder;
    }

    @Test
    void listsFoldersWithATorchScriptFileOfAnyUsualExtensionOrADescriptor() throws IOException {
        Path pt = folderWith("a-pt", "model.pt");
        Path pth = folderWith("b-pth", "weights.pth");
        Path torchscript = folderWith("c-torchscript", "net.TorchScript");
        Path described = folderWith("d-described", ModelDescriptor.DESCRIPTOR_FILE);
        folderWith("e-notes-only", "README.txt");
        Files.write(models.resolve("loose.pt"), new byte[] {1});

        assertThat(new ModelCatalog(models).installed()).containsExactly(pt, pth, torchscript, described);
    }

    @Test
    void aMissingModelsFolderOffersNoModels() {
        assertThat(new ModelCatalog(models.resolve("absent")).installed()).isEmpty();
    }

    @Test
    void aPlainNameResolvesUnderTheModelsFolderAndAPathAsItself() throws IOException {
        Path pth = folderWith("only-pth", "model.pth");
        ModelCatalog catalog = new ModelCatalog(models);
        assertThat(catalog.resolve("only-pth")).isEqualTo(pth);
        assertThat(catalog.resolve(pth.toString())).isEqualTo(pth);
    }
}
