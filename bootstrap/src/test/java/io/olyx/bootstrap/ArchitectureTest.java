package io.olyx.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon, enforced: dependencies point inward, the domain is plain Java, only bootstrap reads the environment. */
@AnalyzeClasses(packages = "io.olyx", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.ExcludeFixtures.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule hexagon = onionArchitecture().withOptionalLayers(true)
            .domainModels("io.olyx.domain..")
            .applicationServices("io.olyx.application..")
            .adapter("http", "io.olyx.adapter.http..")
            .adapter("persistence", "io.olyx.adapter.persistence..")
            .adapter("providers", "io.olyx.adapter.providers..")
            .adapter("search", "io.olyx.adapter.search..")
            .ignoreDependency(resideInAPackage("io.olyx.bootstrap.."), alwaysTrue());

    @ArchTest
    static final ArchRule domainIsPureJava = classes().that().resideInAPackage("io.olyx.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.olyx.domain..", "java..");

    @ArchTest
    static final ArchRule applicationUsesOnlyTheDomainAndTheJdk = classes().that()
            .resideInAPackage("io.olyx.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.olyx.application..", "io.olyx.domain..",
                    "java..");

    @ArchTest
    static final ArchRule onlyBootstrapReadsTheEnvironment = noClasses().that()
            .resideOutsideOfPackage("io.olyx.bootstrap..")
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class);

    @ArchTest
    static final ArchRule theCoreDoesNotPrint = noClasses().that()
            .resideInAnyPackage("io.olyx.domain..", "io.olyx.application..", "io.olyx.adapter..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");

    @ArchTest
    static final ArchRule theDomainReadsNoClock = noClasses().that().resideInAPackage("io.olyx.domain..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(java.time.Instant.class, "now");

    /**
     * Olyx's own production classes only: module class directories or olyx jars (a full reactor build hands
     * modules over as jars), without the test fixtures, the benchmarks and the third-party jars.
     */
    static final class ExcludeFixtures implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            boolean ours = !location.isJar() || location.contains("/olyx-");
            return ours && !location.contains("/io/olyx/fixtures/") && !location.contains("/io/olyx/bench/");
        }
    }
}
