package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.visualsearch.testing.SpecialFiles;

/** Descriptor parsing only: no model is loaded, no native code runs. */
class ModelDescriptorTest {

    @TempDir
    Path temp;

    private Path folderWith(String properties) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("m"));
        Files.write(folder.resolve("model.pt"), new byte[] {1, 2, 3});
        if (properties != null) {
            Files.writeString(folder.resolve("serving.properties"), properties);
        }
        return folder;
    }

    @Test
    void bareFolderGetsGuieDefaults() throws Exception {
        Path folder = folderWith(null);
        ModelDescriptor d = ModelDescriptor.resolve(folder);
        assertThat(d.modelFile()).isEqualTo(folder.resolve("model.pt").toAbsolutePath());
        assertThat(d.descriptorFile()).isNull();
        assertThat(d.name()).isEqualTo("m");
        assertThat(d.inputSpec()).isEqualTo(new InputSpec.Guie());
        assertThat(d.maxSide()).isEqualTo(512);
        assertThat(d.method()).isNull();
        assertThat(d.declaredDimension()).isNull();
    }

    @Test
    void fixedDescriptorIsRead() throws Exception {
        Path folder = folderWith(String.join("\n",
                "engine=PyTorch",
                "vss.name=CLIP image tower",
                "vss.convention=FIXED",
                "vss.width=224", "vss.height=200",
                "vss.resize=stretch",
                "vss.mean=0.48145466, 0.4578275, 0.40821073",
                "vss.std=0.5",
                "vss.method=get_image_features",
                "vss.maxSide=1024",
                "vss.dimension=512",
                "vss.notes=unknown vss keys are ignored"));
        ModelDescriptor d = ModelDescriptor.resolve(folder);
        assertThat(d.name()).isEqualTo("CLIP image tower");
        assertThat(d.inputSpec()).isEqualTo(new InputSpec.Fixed(224, 200, InputSpec.Resize.STRETCH,
                new float[] {0.48145466f, 0.4578275f, 0.40821073f}, new float[] {0.5f, 0.5f, 0.5f}));
        assertThat(d.method()).isEqualTo("get_image_features");
        assertThat(d.maxSide()).isEqualTo(1024);
        assertThat(d.declaredDimension()).isEqualTo(512);
    }

    @Test
    void fixedDefaultsAreCenterCropAndPlainZeroToOne() throws Exception {
        ModelDescriptor d = ModelDescriptor.resolve(folderWith("vss.convention=fixed\nvss.width=32\nvss.height=32\n"));
        assertThat(d.inputSpec()).isEqualTo(new InputSpec.Fixed(32, 32, InputSpec.Resize.SHORTER_SIDE_THEN_CENTER_CROP,
                new float[] {0f, 0f, 0f}, new float[] {1f, 1f, 1f}));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vss.convention=onnx                                 | vss.convention 'onnx' is not one of guie, fixed",
        "vss.maxSide=big                                     | vss.maxSide 'big' is not a whole number",
        "vss.maxSide=0                                       | vss.maxSide 0 is out of range",
        "vss.dimension=-3                                    | vss.dimension -3 is out of range",
        "vss.convention=fixed                                | needs vss.width and vss.height",
        "vss.convention=fixed\\nvss.width=2.5\\nvss.height=3 | vss.width '2.5' is not a whole number",
        "vss.convention=fixed\\nvss.width=8\\nvss.height=8\\nvss.mean=0.1,0.2 | vss.mean '0.1,0.2' needs 3",
        "vss.convention=fixed\\nvss.width=8\\nvss.height=8\\nvss.mean=0.1,x,0.3 | 'x' is not a number",
        "vss.convention=fixed\\nvss.width=8\\nvss.height=8\\nvss.std=1,0,1 | vss.std values must be positive",
        "vss.convention=fixed\\nvss.width=8\\nvss.height=8\\nvss.std=NaN | not a finite number",
        "vss.convention=fixed\\nvss.width=8\\nvss.height=8\\nvss.resize=squash | vss.resize 'squash' is not one of",
        "vss.width=224                                       | vss.width only applies to vss.convention=fixed",
        "vss.method=get features                             | vss.method 'get features' is not a TorchScript method name",
        "engine=OnnxRuntime                                  | engine 'OnnxRuntime' is not supported",
        "vss.file=../elsewhere.pt                            | must be inside the model folder",
    })
    void badDescriptorValuesAreExplained(String properties, String reason) throws IOException {
        Path folder = folderWith(properties.replace("\\n", "\n"));
        assertThatThrownBy(() -> ModelDescriptor.resolve(folder))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining(folder.resolve("serving.properties").toString())
                .hasMessageContaining(reason);
    }

    @Test
    void fileBesideADescriptorUsesIt() throws Exception {
        Path folder = folderWith("vss.maxSide=300\nvss.name=Named\n");
        ModelDescriptor d = ModelDescriptor.resolve(folder.resolve("model.pt"));
        assertThat(d.maxSide()).isEqualTo(300);
        assertThat(d.name()).isEqualTo("Named");
        // Pointing at the descriptor itself means its folder.
        assertThat(ModelDescriptor.resolve(folder.resolve("serving.properties")).name()).isEqualTo("Named");
    }

    @Test
    void fileThatTheDescriptorDoesNotNameGetsDefaults() throws Exception {
        Path folder = folderWith("vss.file=model.pt\nvss.maxSide=300\n");
        Path other = Files.write(folder.resolve("other.pt"), new byte[] {4});
        ModelDescriptor d = ModelDescriptor.resolve(other);
        assertThat(d.maxSide()).isEqualTo(512);
        assertThat(d.name()).isEqualTo("other");
        assertThat(d.descriptorFile()).isNull();
    }

    @Test
    void idIsNameSlugPlusHash() throws Exception {
        Path folder = folderWith("vss.name=MobileNetV2 block_10 (ImageNet)\n");
        String id = ModelDescriptor.resolve(folder).computeId();
        assertThat(id).matches("mobilenetv2-block-10-imagenet-[0-9a-f]{12}");
        assertThat(ModelDescriptor.slug("???")).isEqualTo("model");
    }

    @Test
    void nonTorchScriptFilesAreNotCandidates() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("docs-only"));
        Files.writeString(folder.resolve("README.md"), "x");
        Files.writeString(folder.resolve("weights.bin"), "x");
        assertThatThrownBy(() -> ModelDescriptor.resolve(folder))
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("holds no TorchScript file (*.pt)");
    }
    @Test
    void settingsOfAnExistingFixedFolderAreUnchangedSoItsModelIdAndCachedVectorsStay() throws Exception {
        ModelDescriptor d = ModelDescriptor.resolve(TestModels.folder("fixed-tiny"));
        assertThat(d.canonicalSettings()).isEqualTo(String.join("\n",
                "convention=FIXED",
                "maxSide=64",
                "method=get_image_features",
                "size=8x6",
                "resize=shorter-side-then-center-crop",
                "mean=0.5,0.25,0.0",
                "std=0.5,0.25,1.0",
                "prop.vss.convention=fixed",
                "prop.vss.dimension=5",
                "prop.vss.height=6",
                "prop.vss.maxSide=64",
                "prop.vss.mean=0.5, 0.25, 0",
                "prop.vss.method=get_image_features",
                "prop.vss.name=Fixed tiny",
                "prop.vss.resize=shorter-side-then-center-crop",
                "prop.vss.std=0.5, 0.25, 1",
                "prop.vss.width=8",
                ""));
        assertThat(ModelDescriptor.resolve(folderWith(null)).canonicalSettings())
                .isEqualTo("convention=GUIE\nmaxSide=512\nmethod=null\n");
    }
    @Test
    void djlKeyNamesDescribeAFixedInputLikeTheOldKeys() throws Exception {
        InputSpec djl = ModelDescriptor.resolve(folderWith(
                "width=224\nheight=200\ncenterCrop=true\nnormalize=0.5,0.25,0,0.5,0.25,1\n")).inputSpec();
        Files.delete(temp.resolve("m/serving.properties"));
        InputSpec old = ModelDescriptor.resolve(folderWith("vss.convention=fixed\nvss.width=224\nvss.height=200\n"
                + "vss.resize=shorter-side-then-center-crop\nvss.mean=0.5,0.25,0\nvss.std=0.5,0.25,1\n")).inputSpec();
        assertThat(djl).isEqualTo(old).isEqualTo(new InputSpec.Fixed(224, 200,
                InputSpec.Resize.SHORTER_SIDE_THEN_CENTER_CROP, new float[] {0.5f, 0.25f, 0f}, new float[] {0.5f, 0.25f, 1f}));
    }

    @Test
    void djlResizeStretchesAndNormalizeTrueIsImageNet() throws Exception {
        InputSpec spec = ModelDescriptor.resolve(folderWith(
                "vss.convention=fixed\nwidth=64\nheight=48\nresize=true\nnormalize=true\n")).inputSpec();
        assertThat(spec).isEqualTo(new InputSpec.Fixed(64, 48, InputSpec.Resize.STRETCH,
                new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "width=8\\nvss.width=9\\nheight=8                     | width=8 and vss.width=9 disagree",
        "width=8\\nheight=8\\nresize=true\\ncenterCrop=true   | resize=true and centerCrop=true: choose one",
        "width=8\\nheight=8\\nresize=256                      | resize '256' is not true or false; only resize=true",
        "width=8\\nheight=8\\ncenterCrop=false                | one is needed to bring photos to width x height",
        "width=8\\nheight=8\\nvss.resize=stretch\\nresize=true | vss.resize and DJL's resize/centerCrop are both given",
        "width=8\\nheight=8\\nnormalize=0.5,0.5               | normalize '0.5,0.5' is not true, false or six numbers",
        "width=8\\nheight=8\\nnormalize=true\\nvss.mean=0.5   | normalize and vss.mean/vss.std are both given",
        "width=8\\nheight=8\\nnormalize=0,0,0,1,0,1           | normalize's std values must be positive",
        "width=8                                              | needs vss.width and vss.height (or DJL's width and height)",
        "vss.convention=guie\\nwidth=8\\nheight=8             | width only applies to vss.convention=fixed",
    })
    void badDjlKeysAreExplained(String properties, String reason) throws IOException {
        Path folder = folderWith(properties.replace("\\n", "\n"));
        assertThatThrownBy(() -> ModelDescriptor.resolve(folder))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining(folder.resolve("serving.properties").toString())
                .hasMessageContaining(reason);
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // opening a FIFO is not interruptible
    void aModelPathThatIsAFifoIsRefusedWithoutOpeningIt() throws Exception {
        Assumptions.assumeTrue(SpecialFiles.fifosSupported(), "no mkfifo on this system");
        Path fifo = SpecialFiles.fifo(temp.resolve("model.fifo"));
        assertThatThrownBy(() -> ModelDescriptor.resolve(fifo))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining(fifo.toString())
                .hasMessageContaining("not a regular file or folder");
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDescriptorOrModelFileThatIsAFifoIsNotOpened() throws Exception {
        Assumptions.assumeTrue(SpecialFiles.fifosSupported(), "no mkfifo on this system");
        Path folder = Files.createDirectories(temp.resolve("pipes"));
        SpecialFiles.fifo(folder.resolve("serving.properties"));
        SpecialFiles.fifo(folder.resolve("model.pt"));
        assertThatThrownBy(() -> ModelDescriptor.resolve(folder))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("serving.properties")
                .hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> ModelDescriptor.resolve(folder.resolve("serving.properties")))
                .hasMessageContaining("not a regular file");
    }

    @Test
    void unknownAndMisspeltVssKeysAreWarnedAboutWithASuggestion() throws Exception {
        ModelDescriptor d = ModelDescriptor.resolve(folderWith(String.join("\n",
                "vss.name=Mine", "vss.maxsde=256", "vss.colour=rgb", "vss.notes=free text", "engine=PyTorch")));
        assertThat(d.warnings()).containsExactly(
                d.descriptorFile() + ": unknown key vss.colour",
                d.descriptorFile() + ": unknown key vss.maxsde; did you mean vss.maxSide?");
        assertThat(ModelDescriptor.resolve(folderWith("vss.name=Fine\nvss.dimension=8")).warnings()).isEmpty();
    }

    @Test
    void aFixedInputSizeWhoseTensorWouldNotFitIsRefusedAtLoad() throws Exception {
        Path folder = folderWith("vss.convention=fixed\nvss.width=16384\nvss.height=16384");
        assertThatThrownBy(() -> ModelDescriptor.resolve(folder))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("16384x16384")
                .hasMessageContaining("3.2 GB")
                .hasMessageContaining("4096x4096");
        assertThat(ModelDescriptor.resolve(folderWith("vss.convention=fixed\nvss.width=16384\nvss.height=64"))
                .inputSpec()).isInstanceOf(InputSpec.Fixed.class);
    }
}
