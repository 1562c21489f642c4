package org.visualsearch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the README's Architecture section describes: dependencies point inward (ui and cli
 * on app, app on core), no package cycles, JavaFX only in the UI, and the views reach the
 * database through the application layer.
 */
class ArchitectureTest {
    private static final String[] JAVAFX = {"javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp.ikonli.."};
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.visualsearch");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.visualsearch.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void theCoreKnowsNothingOfTheAppTheUiTheCliOrJavaFx() {
        noClasses().that().resideInAPackage("org.visualsearch.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.visualsearch.app..", "org.visualsearch.ui..", "org.visualsearch.cli..")
                .orShould().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .check(production);
    }

    @Test
    void theApplicationLayerKnowsNothingOfTheUiTheCliOrJavaFx() {
        noClasses().that().resideInAPackage("org.visualsearch.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.visualsearch.ui..", "org.visualsearch.cli..")
                .orShould().dependOnClassesThat().resideInAnyPackage(JAVAFX)
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

    /**
     * The window reaches the database through the application layer ({@code GallerySession}); only
     * the store's plain value records (a folder, a problem) pass through to be shown. The start-up
     * ({@code AppBootstrap}) opens the database and hands it to the session.
     */
    @Test
    void theViewsDoNotTouchTheStore() {
        noClasses().that().resideInAPackage("org.visualsearch.ui..")
                .and().doNotHaveFullyQualifiedName("org.visualsearch.ui.AppBootstrap")
                .should().dependOnClassesThat(resideInAPackage("org.visualsearch.core.store..")
                        .and(not(simpleName("Folder").or(simpleName("Problem")))))
                .check(production);
    }
}
