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

    @Test
    void theUsersModelsFolderIsListedAfterTheModelsFolderAndResolvedByName() throws IOException {
        Path shipped = folderWith("default", "model.pt");
        Path user = Files.createDirectories(models.resolve("data").resolve("models")); // "data" is no model itself
        Path mine = Files.createDirectories(user.resolve("my-head"));
        Files.write(mine.resolve(ModelDescriptor.DESCRIPTOR_FILE), new byte[] {1});
        Path shadowed = Files.createDirectories(user.resolve("default"));
        Files.write(shadowed.resolve("model.pt"), new byte[] {1});

        ModelCatalog catalog = new ModelCatalog(models, user);
        // a name in both folders is the models folder's: the chooser lists models by name
        assertThat(catalog.installed()).containsExactly(shipped, mine);
        assertThat(catalog.resolve("my-head")).isEqualTo(mine);
        assertThat(catalog.resolve("default")).isEqualTo(shipped);
        assertThat(catalog.isTaken("my-head")).isTrue();
        assertThat(catalog.isTaken("default")).isTrue();
        assertThat(catalog.isTaken("other")).isFalse();
        assertThat(catalog.userModelsDir()).contains(user);
        assertThat(new ModelCatalog(models).installed()).containsExactly(shipped);
    }
}
