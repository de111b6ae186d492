package io.pilotlight.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.testsupport.ClustersExtension;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.LocalClusters;
import io.pilotlight.testsupport.TestClusters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@code admission/pilotlight-admission-cases.yaml} against the primary's real
 * kube-apiserver with the committed CRDs of {@code crds/} installed: OpenAPI schema, defaults and CEL
 * rules (transition rules included) exactly as users get them. Objects are untyped
 * ({@link GenericKubernetesResource}) so the CRD is what is tested, not the Java model.
 */
class AdmissionCasesTest {

    static final String CASES = "/admission/pilotlight-admission-cases.yaml";
    static final List<String> CRD_FILES = List.of("crds/disasterrecoveryplans.pilotlight.io-v1.yml",
            "crds/failovers.pilotlight.io-v1.yml");
    static final String FIELD_MANAGER = "pilotlight-tests";

    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final Map<String, ResourceDefinitionContext> KINDS = Map.of(
            "DisasterRecoveryPlan", context("DisasterRecoveryPlan", "disasterrecoveryplans"),
            "Failover", context("Failover", "failovers"));

    /**
     * One case of the file. {@code expect} is null when the object must be accepted, otherwise a text
     * the API server's refusal must contain; {@code old} is set for an update case; {@code pending}
     * says why the CRDs do not meet the case yet (null for a normal case).
     */
    record Case(int number, String expect, GenericKubernetesResource object, GenericKubernetesResource old, String pending) {

        @Override
        public String toString() {
            return String.format("#%02d %s%s/%s -> %s%s", number, old == null ? "" : "update ", object.getKind(),
                    object.getMetadata().getName(), expect == null ? "accepted" : "refused: \"" + expect + "\"",
                    pending == null ? "" : " (pending)");
        }
    }

    @BeforeAll
    static void installCrds() {
        KubernetesClient client = LocalClusters.get().client(Site.PRIMARY);
        List<String> names = new ArrayList<>();
        for (String file : CRD_FILES) {
            CustomResourceDefinition crd;
            try (InputStream in = Files.newInputStream(repoFile(file))) {
                crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            crd.getMetadata().setManagedFields(null);
            crd.getMetadata().setResourceVersion(null);
            client.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            names.add(crd.getMetadata().getName());
        }
        for (String name : names) {
            Awaitility.await("CRD " + name + " Established").atMost(Duration.ofMinutes(1)).until(() -> {
                CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
                return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                        && crd.getStatus().getConditions().stream()
                                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
            });
        }
        // Established can precede the moment the new endpoints answer; wait until both kinds can be listed.
        for (ResourceDefinitionContext kind : KINDS.values()) {
            Awaitility.await(kind.getPlural() + " served").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> client.genericKubernetesResources(kind).inAnyNamespace().list() != null);
        }
    }

    static Stream<Case> cases() {
        String text;
        try (InputStream in = AdmissionCasesTest.class.getResourceAsStream(CASES)) {
            assertThat(in).as(CASES).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] documents = text.split("(?m)^---[ \\t]*$");
        List<Case> cases = new ArrayList<>();
        // documents[0] is the header: comments only
        for (int i = 1; i < documents.length; i++) {
            String expect = comment(documents[i], "expect");
            String pending = comment(documents[i], "pending");
            if (expect == null) {
                throw new IllegalStateException("document " + i + " of " + CASES + " has no '# expect:' line:\n" + documents[i]);
            }
            GenericKubernetesResource object = YAML.unmarshal(documents[i], GenericKubernetesResource.class);
            GenericKubernetesResource old = null;
            if (expect.equals("update") || expect.startsWith("update ")) {
                expect = expect.substring("update".length()).strip();
                i++;
                if (i >= documents.length || comment(documents[i], "expect") != null) {
                    throw new IllegalStateException("the update case " + object.getMetadata().getName()
                            + " must be followed by its old object (a document without '# expect:')");
                }
                old = YAML.unmarshal(documents[i], GenericKubernetesResource.class);
            }
            cases.add(new Case(cases.size() + 1, expect.equals("ok") ? null : expect, object, old, pending));
        }
        return cases.stream();
    }

    static Stream<Case> currentCases() {
        return cases().filter(c -> c.pending() == null);
    }

    static Stream<Case> pendingCases() {
        return cases().filter(c -> c.pending() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentCases")
    @ExtendWith(ClustersExtension.class)
    void apiServerAdmits(Case c, TestClusters clusters) {
        String wrong = run(c, clusters);
        if (wrong != null) {
            fail(c + ": " + wrong);
        }
    }

    /**
     * Cases the CRDs do not meet yet: skipped with what the API server does instead, and failed once
     * they pass. (Without ClustersExtension, which would print a failure report for every skip.)
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("pendingCases")
    void pendingCaseStillPending(Case c) {
        String wrong;
        try (TestClusters clusters = TestClusters.open(getClass().getSimpleName())) {
            wrong = run(c, clusters);
        }
        if (wrong == null) {
            fail(c + " now behaves as the case says: remove its '# pending:' line");
        }
        Assumptions.abort("pending: " + c.pending() + "; meanwhile " + wrong);
    }

    /** Runs a case in the test's namespace: null when the API server answers as expected, otherwise what it did. */
    private static String run(Case c, TestClusters clusters) {
        KubernetesClient client = clusters.primary();
        ResourceDefinitionContext kind = KINDS.get(c.object().getKind());
        assertThat(kind).as("kind of case %s", c).isNotNull();
        NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> api =
                client.genericKubernetesResources(kind).inNamespace(clusters.namespace());
        GenericKubernetesResource object = inNamespace(c.object(), clusters.namespace());

        Runnable admission;
        if (c.old() == null) {
            admission = () -> api.resource(object).create();
        } else {
            GenericKubernetesResource created;
            try {
                created = api.resource(inNamespace(c.old(), clusters.namespace())).create();
            } catch (KubernetesClientException e) {
                throw new AssertionError("the old object of " + c + " was refused: " + e.getMessage(), e);
            }
            object.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
            admission = () -> api.resource(object).update();
        }

        KubernetesClientException refusal = null;
        try {
            admission.run();
        } catch (KubernetesClientException e) {
            refusal = e;
        }
        return unexpected(c, refusal, () -> api.withName(object.getMetadata().getName()).get() != null);
    }

    /** What is wrong with the API server's answer to a case, or null when it is the expected one. */
    private static String unexpected(Case c, KubernetesClientException refusal, BooleanSupplier stored) {
        if (c.expect() == null) {
            if (refusal != null) {
                return "refused by the API server (HTTP " + refusal.getCode() + "): " + refusal.getMessage();
            }
            return stored.getAsBoolean() ? null : "accepted, but the object cannot be read back";
        }
        if (refusal == null) {
            return "accepted by the API server, expected a refusal containing \"" + c.expect() + "\"";
        }
        if (!refusal.getMessage().contains(c.expect())) {
            return "refused, but the message does not contain \"" + c.expect() + "\": " + refusal.getMessage();
        }
        if (refusal.getCode() != 422) {
            return "refused with HTTP " + refusal.getCode() + " instead of 422 Unprocessable Entity: " + refusal.getMessage();
        }
        return null;
    }

    private static GenericKubernetesResource inNamespace(GenericKubernetesResource object, String namespace) {
        GenericKubernetesResource copy = YAML.clone(object);
        copy.getMetadata().setNamespace(namespace);
        return copy;
    }

    private static ResourceDefinitionContext context(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("pilotlight.io").withVersion("v1alpha1")
                .withKind(kind).withPlural(plural).withNamespaced(true).build();
    }

    /** The text after "# <key>:" on the document's first such comment line, or null. */
    private static String comment(String document, String key) {
        String prefix = "# " + key + ":";
        return document.lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length()).strip()).orElse(null);
    }

    private static Path repoFile(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(relative))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
