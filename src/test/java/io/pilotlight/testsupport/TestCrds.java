package io.pilotlight.testsupport;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Installs CRDs on a test cluster: Pilotlight's own from {@code crds/} (what users install) and the
 * third-party ones the operator talks to (Velero, ExternalDNS, Gateway API) as their projects release
 * them, copied from the Go modules of the pinned releases by {@code hack/testenv/third-party-crds.sh}.
 * Server-side apply makes it idempotent across test classes.
 */
public final class TestCrds {

    private static List<Path> released;

    private TestCrds() {
    }

    public static void installAll(KubernetesClient client) {
        List<Path> files = new ArrayList<>(list(Path.of("crds"), ".yml"));
        files.addAll(thirdParty());
        install(client, files);
    }

    /**
     * Only the third-party CRDs (Velero, ExternalDNS, Gateway API): for tests that work on those objects
     * without Pilotlight's own resources, and leave Pilotlight's CRDs as whoever installed them left them.
     */
    public static void installThirdParty(KubernetesClient client) {
        install(client, thirdParty());
    }

    /** The released CRD files, from the cache that third-party-crds.sh fills (once per version). */
    private static synchronized List<Path> thirdParty() {
        if (released == null) {
            List<Path> files = new ArrayList<>();
            for (String dir : Scripts.run(Duration.ofMinutes(5), "third-party-crds.sh").strip().split("\n")) {
                files.addAll(list(Path.of(dir), ".yaml"));
            }
            released = List.copyOf(files);
        }
        return released;
    }

    private static void install(KubernetesClient client, List<Path> files) {
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
                crd.getMetadata().setManagedFields(null);
                client.resource(crd).fieldManager("pilotlight-tests").forceConflicts().serverSideApply();
                names.add(crd.getMetadata().getName());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String name : names) {
            await("CRD " + name + " established").atMost(Duration.ofMinutes(1)).until(() -> {
                CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
                return crd != null && crd.getStatus() != null && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
            });
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
