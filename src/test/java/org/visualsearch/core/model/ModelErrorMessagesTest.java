package org.visualsearch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user reads when a real model fails: PyTorch's cause, not its boilerplate first line. */
class ModelErrorMessagesTest {

    @BeforeAll
    static void configureDjl() {
        DjlEnvironment.configure();
    }

    @Test
    void aTorchScriptFailureShowsItsCauseAndAFloatInputModelGetsTheGuieHint() {
        assertThatThrownBy(() -> TorchScriptEmbedder.load(TestModels.folder("float-input")))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining(TestModels.folder("float-input").resolve("model.pt").toString())
                .hasMessageContaining("RuntimeError: Input type (unsigned char) and bias type (float) should be the same")
                .hasMessageNotContaining("The following operation failed")
                .hasMessageContaining("GUIE convention")
                .hasMessageContaining("uint8")
                .hasMessageContaining("vss.convention=fixed");
    }

    @Test
    void theCauseIsTheLastLineOfATorchScriptMessage() {
        String message = "The following operation failed in the TorchScript interpreter.\n"
                + "Traceback of TorchScript (most recent call last):\n  File \"code/__torch__.py\", line 10\n"
                + "    ~~~~ <--- HERE\nRuntimeError: expected scalar type Byte but found Float\n";
        assertThat(TorchScriptErrors.cause(new RuntimeException(message)))
                .isEqualTo("RuntimeError: expected scalar type Byte but found Float");
        assertThat(TorchScriptErrors.cause(new RuntimeException("plain one-line message"))).isEqualTo("plain one-line message");
        assertThat(TorchScriptErrors.floatInputHint("RuntimeError: expected scalar type Byte but found Float",
                new InputSpec.Guie())).contains("GUIE convention");
        assertThat(TorchScriptErrors.floatInputHint("RuntimeError: can't allocate 4000000000000 bytes",
                new InputSpec.Guie())).isEmpty();
    }

    @Test
    void finiteButHugeOutputsAreRefusedBeforeTheyMakeEveryDistanceInfinite() {
        assertThatThrownBy(() -> TorchScriptEmbedder.load(TestModels.folder("huge-output")))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining(TestModels.folder("huge-output").resolve("model.pt").toString())
                .hasMessageContaining("too large")
                .hasMessageContaining("Infinity");
    }
}
