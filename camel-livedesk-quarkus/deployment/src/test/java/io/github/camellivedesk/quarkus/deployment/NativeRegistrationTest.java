package io.github.camellivedesk.quarkus.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native build of an application with the extension would get, read from the build items the extension
 * produces (no native toolchain needed). The expected classes are listed from the component jar itself, so a model
 * or error class the processor fails to register makes this test fail.
 */
class NativeRegistrationTest {

    private static final String REFLECTIVE = "META-INF/livedesk-test/reflective-classes.txt";
    private static final String RESOURCES = "META-INF/livedesk-test/native-resources.txt";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.camel.livedesk.devservices.enabled", "false")
            .addBuildChainCustomizer(NativeRegistrationTest::recordRegistrations);

    /** Writes what was registered into the application, where the test (in Quarkus' class loader) reads it. */
    private static void recordRegistrations(BuildChainBuilder chain) {
        chain.addBuildStep((BuildContext context) -> {
            Set<String> reflective = new TreeSet<>();
            for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
                if (item.isMethods() && item.isFields() && item.isConstructors()) {
                    reflective.addAll(item.getClassNames());
                }
            }
            Set<String> resources = new TreeSet<>();
            for (NativeImageResourceBuildItem item : context.consumeMulti(NativeImageResourceBuildItem.class)) {
                resources.addAll(item.getResources());
            }
            context.produce(new GeneratedResourceBuildItem(REFLECTIVE, lines(reflective)));
            context.produce(new GeneratedResourceBuildItem(RESOURCES, lines(resources)));
        }).consumes(ReflectiveClassBuildItem.class)
                .consumes(NativeImageResourceBuildItem.class)
                .produces(GeneratedResourceBuildItem.class)
                .build();
    }

    @Test
    void everyModelAndErrorClassOfTheComponentIsRegisteredForReflection() throws Exception {
        List<String> modelClasses = classesIn("io/github/camellivedesk/model");
        List<String> errorClasses = classesIn("io/github/camellivedesk/error");
        // guards the guard: if the component moved its packages, this test must not pass on empty lists
        assertThat(modelClasses).contains("io.github.camellivedesk.model.LiveDeskMessage",
                "io.github.camellivedesk.model.SendMessageRequest", "io.github.camellivedesk.model.TemplateMessage");
        assertThat(errorClasses).contains("io.github.camellivedesk.error.LiveDeskException");

        Set<String> registered = Set.copyOf(read(REFLECTIVE));
        assertThat(registered).containsAll(modelClasses).containsAll(errorClasses);
    }

    @Test
    void camelServiceFilesCatalogAndHttpClientResourcesAreIncluded() throws Exception {
        assertThat(read(RESOURCES)).contains(
                "META-INF/services/org/apache/camel/component/livedesk",
                "META-INF/services/org/apache/camel/configurer/livedesk-component",
                "META-INF/services/org/apache/camel/configurer/livedesk-endpoint",
                "META-INF/services/org/apache/camel/urifactory/livedesk-endpoint",
                "META-INF/io/github/camellivedesk/livedesk.json",
                "org/apache/hc/client5/version.properties",
                "org/apache/hc/core5/version.properties",
                "org/publicsuffix/list/effective_tld_names.dat");
    }

    private static byte[] lines(Set<String> values) {
        return String.join("\n", values).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> read(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    /** Every class, nested ones included, that the component's jar (or classes folder) has in a package. */
    private static List<String> classesIn(String packagePath) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        for (URL url : Collections.list(Thread.currentThread().getContextClassLoader().getResources(packagePath))) {
            if ("jar".equals(url.getProtocol())) {
                try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                    jar.stream().map(entry -> entry.getName())
                            .filter(name -> name.startsWith(packagePath + "/") && name.endsWith(".class")
                                    && name.indexOf('/', packagePath.length() + 1) < 0)
                            .forEach(name -> names.add(className(name)));
                }
            } else if ("file".equals(url.getProtocol())) {
                Path folder = Path.of(url.toURI());
                try (Stream<Path> files = Files.list(folder)) {
                    files.map(file -> packagePath + "/" + file.getFileName()).filter(name -> name.endsWith(".class"))
                            .forEach(name -> names.add(className(name)));
                }
            }
        }
        names.removeIf(name -> name.endsWith(".package-info"));
        return names;
    }

    private static String className(String path) {
        // package-info is not a type Jackson sees; the filter below drops it
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
