package io.github.camellivedesk.quarkus.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.deployment.ApplicationArchive;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;

/**
 * Makes the LiveDesk component a Quarkus feature and tells a native build what it reaches by reflection or as a
 * resource. Everything is discovered from the component jar itself, so the lists follow the component as it
 * changes instead of naming its classes here.
 */
class LiveDeskProcessor {

    static final String FEATURE = "camel-livedesk";

    static final String COMPONENT_GROUP_ID = "io.github.camel-livedesk";
    static final String COMPONENT_ARTIFACT_ID = "camel-livedesk";

    static final String SENSITIVE_KEYWORDS = "camel.main.additional-sensitive-keywords";

    private static final String BASE_PACKAGE = "io.github.camellivedesk.";
    /** Jackson reads and writes these packages: the wire model, and the error types that carry parsed bodies. */
    private static final List<String> JSON_PACKAGES = List.of(BASE_PACKAGE + "model", BASE_PACKAGE + "error");
    private static final List<String> JACKSON_ANNOTATION_PACKAGES = List.of(
            "com.fasterxml.jackson.annotation.", "com.fasterxml.jackson.databind.annotation.");

    /** Read by HttpClient 5 at run time: its version for the User-Agent, and the public suffix list for TLS hosts. */
    private static final List<String> HTTP_CLIENT_RESOURCES = List.of(
            "org/apache/hc/client5/version.properties",
            "org/apache/hc/core5/version.properties",
            "org/publicsuffix/list/effective_tld_names.dat");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        // the component jar ships no Jandex index; this puts its classes into the combined index
        return new IndexDependencyBuildItem(COMPONENT_GROUP_ID, COMPONENT_ARTIFACT_ID);
    }

    @BuildStep
    ReflectiveClassBuildItem jacksonTypes(CombinedIndexBuildItem combinedIndex) {
        Set<String> names = new TreeSet<>();
        for (ClassInfo type : combinedIndex.getIndex().getKnownClasses()) {
            String name = type.name().toString();
            if (name.startsWith(BASE_PACKAGE) && (inJsonPackage(type) || hasJacksonAnnotation(type))) {
                names.add(name);
            }
        }
        return ReflectiveClassBuildItem.builder(names.toArray(String[]::new))
                .constructors().methods().fields()
                .reason(getClass().getName() + ": Jackson binds the LiveDesk JSON model")
                .build();
    }

    @BuildStep
    void nativeResources(ApplicationArchivesBuildItem archives, BuildProducer<NativeImageResourceBuildItem> resources) {
        List<String> found = new ArrayList<>();
        for (ApplicationArchive archive : archives.getAllApplicationArchives()) {
            if (archive.getKey() != null && COMPONENT_GROUP_ID.equals(archive.getKey().getGroupId())
                    && COMPONENT_ARTIFACT_ID.equals(archive.getKey().getArtifactId())) {
                archive.accept(tree -> tree.walk(visit -> {
                    String path = visit.getRelativePath("/");
                    if (isComponentResource(path)) {
                        found.add(path);
                    }
                }));
            }
        }
        found.addAll(HTTP_CLIENT_RESOURCES);
        resources.produce(new NativeImageResourceBuildItem(found));
    }

    @BuildStep
    RunTimeConfigurationDefaultBuildItem maskApiSecret() {
        // Camel's start-up summary masks only keys on its own list, which has api_secret and apikey but not
        // apiSecret, webhookSecret or webhookToken. A default, so an application that sets its own keywords keeps
        // control (and must list them).
        return new RunTimeConfigurationDefaultBuildItem(SENSITIVE_KEYWORDS, "apiSecret,webhookSecret,webhookToken");
    }

    @BuildStep
    ExtensionSslNativeSupportBuildItem ssl() {
        // LiveDesk is an HTTPS API
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    /** Camel's service files (component, configurers, URI factory, type converters), the catalog JSON and Kamelets. */
    static boolean isComponentResource(String path) {
        return (path.startsWith("META-INF/services/") && !path.endsWith("/"))
                || (path.startsWith("META-INF/") && path.endsWith(".json"))
                || (path.startsWith("kamelets/") && path.endsWith(".yaml"));
    }

    private static boolean inJsonPackage(ClassInfo type) {
        String packageName = type.name().packagePrefix();
        return packageName != null && JSON_PACKAGES.contains(packageName);
    }

    private static boolean hasJacksonAnnotation(ClassInfo type) {
        for (AnnotationInstance annotation : type.annotations()) {
            String name = annotation.name().toString();
            for (String prefix : JACKSON_ANNOTATION_PACKAGES) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
