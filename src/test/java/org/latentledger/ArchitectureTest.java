package org.latentledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core knows no screen: JavaFX stays inside ui/, and the core does not reach into ui/ or cli/. */
@AnalyzeClasses(packages = "org.latentledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_JAVAFX_OUTSIDE_UI = noClasses()
            .that().resideOutsideOfPackage("org.latentledger.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.javafx..", "com.sun.glass..")
            .because("the core, the CLI and exports must run without a screen (DESIGN.md)");

    @ArchTest
    static final ArchRule CORE_DOES_NOT_KNOW_UI_OR_CLI = noClasses()
            .that().resideInAnyPackage("org.latentledger.model..", "org.latentledger.data..", "org.latentledger.projection..",
                    "org.latentledger.atlas..", "org.latentledger.economy..", "org.latentledger.export..", "org.latentledger.work..",
                    "org.latentledger.view..", "org.latentledger.natives..", "org.latentledger.text..")
            .should().dependOnClassesThat().resideInAnyPackage("org.latentledger.ui..", "org.latentledger.cli..");

    @ArchTest
    static final ArchRule BENCHMARKS_RUN_ON_THE_CORE_ALONE = noClasses()
            .that().resideInAPackage("org.latentledger.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("org.latentledger.ui..", "org.latentledger.cli..")
            .because("bench/ holds the benchmark bodies; the command line only reads their options");

    @ArchTest
    static final ArchRule CLI_REACHES_UI_ONLY_THROUGH_ITS_ENTRY_POINTS = noClasses()
            .that().resideInAPackage("org.latentledger.cli..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "UI classes other than the entry points Screenshots (with its ShotRequest), the benchmarks of ui.bench and LatentLedgerApp",
                    c -> c.getPackageName().startsWith("org.latentledger.ui")
                            && !c.getName().startsWith("org.latentledger.ui.Screenshots")
                            && !c.getName().startsWith("org.latentledger.ui.ShotRequest")
                            && !c.getPackageName().equals("org.latentledger.ui.bench")
                            && !c.getName().equals("org.latentledger.ui.LatentLedgerApp")));

    @ArchTest
    static final ArchRule VIEW_MODELS_KNOW_NO_SCENE_GRAPH = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..")
            .because("view models are tested without a screen; only views build nodes (STYLE.md)");

    /**
     * Wherever JavaFX is started, ND4J has linked its natives just before, on the same thread: the
     * two at once could take the dynamic linker's locks in opposite orders and freeze the JVM
     * (decision 0024).
     */
    @ArchTest
    static final ArchRule THE_TOOLKIT_STARTS_AFTER_ND4J_HAS_LINKED = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits()
            .that(com.tngtech.archunit.base.DescribedPredicate.describe("start JavaFX (Platform.startup, Application.launch)",
                    m -> firstCall(m, "javafx.application.Platform", "startup") > 0 || firstCall(m, "javafx.application.Application", "launch") > 0))
            .should(com.tngtech.archunit.lang.ArchCondition.from(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "call Nd4jRuntime.linkBeforeToolkit on a line before",
                    m -> {
                        int link = firstCall(m, "org.latentledger.model.Nd4jRuntime", "linkBeforeToolkit");
                        int start = Math.max(firstCall(m, "javafx.application.Platform", "startup"), firstCall(m, "javafx.application.Application", "launch"));
                        return link > 0 && link < start;
                    })));

    /** The line of the first call from {@code m} to {@code owner.name}, or 0 when it makes none. */
    private static int firstCall(com.tngtech.archunit.core.domain.JavaCodeUnit m, String owner, String name) {
        return m.getMethodCallsFromSelf().stream()
                .filter(c -> c.getTargetOwner().getName().equals(owner) && c.getName().equals(name))
                .mapToInt(com.tngtech.archunit.core.domain.JavaMethodCall::getLineNumber).min().orElse(0);
    }
}
