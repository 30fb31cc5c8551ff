package io.github.camellivedesk;

import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's packages lean one way: the Camel layer (this package) uses {@code internal}, never the reverse;
 * {@code model} and {@code error} are the values both use and depend on neither. A change that brings a cycle back
 * fails here, naming the classes.
 */
class PackageDirectionTest {

    private static final JavaClasses COMPONENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.camellivedesk");

    @Test
    void noCycleBetweenPackages() {
        slices().matching("io.github.camellivedesk.(**)").should().beFreeOfCycles()
                .check(COMPONENT);
    }

    @Test
    void internalNeverImportsTheCamelLayer() {
        noClasses().that().resideInAPackage("io.github.camellivedesk.internal..")
                .should().dependOnClassesThat().resideInAPackage("io.github.camellivedesk")
                .check(COMPONENT);
    }

    @Test
    void modelAndErrorsDependOnNothingOfTheComponent() {
        noClasses().that().resideInAnyPackage("io.github.camellivedesk.model..", "io.github.camellivedesk.error..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.camellivedesk",
                        "io.github.camellivedesk.internal..")
                .check(COMPONENT);
    }

    @Test
    void onlyOneClassKnowsVertx() {
        // camel-platform-http-vertx is a provided dependency: an application on another engine (a servlet container)
        // has no Vert.x, so only the class loaded once the engine is Vert.x's may name a Vert.x type
        noClasses().that().doNotHaveFullyQualifiedName(
                "io.github.camellivedesk.internal.platformhttp.VertxServerRefusals")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..",
                        "org.apache.camel.component.platform.http.vertx..")
                .check(COMPONENT);
    }

    @Test
    void theCamelLayersPublicTypesAreItsApiAndThePluginsCamelLoads() {
        Set<String> generated = Set.of("LiveDeskComponentConfigurer", "LiveDeskEndpointConfigurer",
                "LiveDeskEndpointUriFactory", "LiveDeskConvertersLoader");
        Set<String> publicTypes = COMPONENT.stream()
                .filter(type -> type.getPackageName().equals("io.github.camellivedesk") && type.isTopLevelClass()
                        && type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName).filter(name -> !generated.contains(name)).collect(Collectors.toSet());
        assertThat(publicTypes).containsExactlyInAnyOrder("LiveDeskComponent", "LiveDeskEndpoint",
                "LiveDeskConfiguration", "LiveDeskConstants", "LiveDeskOperation",
                // loaded by Camel through META-INF/services and the generated converter loader
                "LiveDeskSecrets", "LiveDeskEnvironmentVariables", "LiveDeskConverters");
    }
}
