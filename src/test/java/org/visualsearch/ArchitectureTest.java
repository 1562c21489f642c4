package org.visualsearch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: the UI and the CLI use the core; the core uses neither, nor JavaFX. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.visualsearch");
    }

    @Test
    void theCoreKnowsNothingOfTheUiTheCliOrJavaFx() {
        noClasses().that().resideInAPackage("org.visualsearch.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.visualsearch.ui..", "org.visualsearch.cli..", "javafx..", "atlantafx..",
                        "org.controlsfx..", "org.kordamp.ikonli..")
                .check(production);
    }

    @Test
    void theCorePackagesFormNoCycle() {
        // Each core package can then be read, tested and reused from the ones beneath it alone.
        slices().matching("org.visualsearch.core.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void theCommandLineDoesNotNeedTheWindow() {
        noClasses().that().resideInAPackage("org.visualsearch.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.visualsearch.ui..", "javafx..")
                .check(production);
    }

    @Test
    void theUiDoesNotReachIntoTheCommandLine() {
        noClasses().that().resideInAPackage("org.visualsearch.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.visualsearch.cli..")
                .check(production);
    }
}
