package io.pilotlight.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OLM bundle that `package` generated (target/bundle/pilotlight/: QOSDK's bundle generator, its install
 * section taken from deploy/ by hack/install/BundleFromDeploy.java) is valid for operator-verify, owns
 * exactly crds/, runs the image `make image` built, as deploy/'s Deployment does, with deploy/'s rights.
 * No OLM runs here (operator-sdk and opm cannot be had): what OLM makes of the bundle in a cluster is not tested.
 */
class BundleIT {

    private static final Path BUNDLE = Path.of("target/bundle/pilotlight");
    private static final ObjectMapper YAML = Commands.YAML;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kinds OLM installs from a bundle besides the CSV and CRDs (operator-verify v0.9.1 does not check them). */
    private static final Set<String> BUNDLE_KINDS = Set.of("ClusterServiceVersion", "CustomResourceDefinition", "Secret",
            "ConfigMap", "ServiceAccount", "Service", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding",
            "PrometheusRule", "ServiceMonitor", "PodDisruptionBudget", "PriorityClass", "VerticalPodAutoscaler",
            "ConsoleYAMLSample", "ConsoleQuickStart", "ConsoleCLIDownload", "ConsoleLink");
    private static final String OLM_NAMESPACES = "metadata.annotations['olm.targetNamespaces']";

    private static final JsonNode CSV = only(manifests().stream().filter(o -> kind(o).equals("ClusterServiceVersion")).toList());
    private static final Map<String, JsonNode> DEPLOY = objects(Commands.run(Commands.KUBECTL, "kustomize", "deploy/"));

    @Test
    void operatorVerifyFindsNoError() {
        assertThat(Commands.run("hack/install/operator-verify.sh", "check", BUNDLE.toString()))
                .contains("is valid").doesNotContain("level=error");
    }

    @Test
    void operatorVerifyFailsABrokenBundle(@TempDir Path tmp) throws IOException {
        // The check reads operator-verify's output (its exit code stays 0 on errors): a CSV owning a kind the
        // bundle has no CRD for must fail it.
        copy(BUNDLE, tmp);
        Path csvFile = tmp.resolve("manifests/pilotlight.clusterserviceversion.yaml");
        Files.writeString(csvFile, Files.readString(csvFile).replace("kind: Failover\n", "kind: Failback\n"));
        assertThatThrownBy(() -> Commands.run("hack/install/operator-verify.sh", "check", tmp.toString()))
                .hasMessageContaining("level=error").hasMessageContaining("Failback").hasMessageContaining("found errors");
    }

    @Test
    void theBundleImageHoldsTheBundleWithItsAnnotationsAsLabels(@TempDir Path tmp) throws IOException {
        // make bundle-image, pushed to the registry make test pushed the operator's image to (the loopback one).
        String registry = Commands.IMAGE.substring(0, Commands.IMAGE.lastIndexOf("/pilotlight/"));
        String ref = Commands.run(Map.of("REGISTRY", registry, "INSECURE", String.valueOf(Commands.INSECURE_REGISTRY)),
                "hack/install/bundle-image.sh").trim();
        assertThat(ref).isEqualTo(registry + "/pilotlight/pilotlight-operator-bundle:" + CSV.at("/spec/version").asText());
        JsonNode config = JSON.readTree(Commands.crane("config", ref));
        assertThat(config.path("os").asText() + "/" + config.path("architecture").asText()).isEqualTo("linux/amd64");
        JsonNode annotations = YAML.readTree(BUNDLE.resolve("metadata/annotations.yaml").toFile()).path("annotations");
        assertThat(config.at("/config/Labels")).isEqualTo(annotations);
        // Its file system is the bundle's manifests/ and metadata/, byte for byte.
        Path tar = tmp.resolve("bundle.tar"), root = Files.createDirectories(tmp.resolve("root"));
        Commands.crane("export", ref, tar.toString());
        Commands.run("tar", "-x", "-f", tar.toString(), "-C", root.toString());
        assertThat(files(root)).isEqualTo(files(BUNDLE).entrySet().stream()
                .filter(f -> !f.getKey().equals("bundle.Dockerfile"))
                .collect(TreeMap::new, (m, f) -> m.put(f.getKey(), f.getValue()), Map::putAll));
    }

    @Test
    void itOwnsExactlyTheCrdsOfCrdsFolder() throws IOException {
        Map<String, JsonNode> crds = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("crds"))) {
            for (Path f : files.filter(f -> f.toString().endsWith("-v1.yml")).toList()) {
                JsonNode crd = YAML.readTree(f.toFile());
                crds.put(crd.at("/metadata/name").asText(), crd);
            }
        }
        Map<String, JsonNode> inBundle = new TreeMap<>();
        manifests().stream().filter(o -> kind(o).equals("CustomResourceDefinition"))
                .forEach(crd -> inBundle.put(crd.at("/metadata/name").asText(), crd));
        assertThat(inBundle.keySet()).containsExactlyElementsOf(crds.keySet());
        crds.forEach((name, crd) -> assertThat(inBundle.get(name)).as(name).isEqualTo(crd));

        List<String> owned = new ArrayList<>(), expected = new ArrayList<>();
        for (JsonNode o : CSV.at("/spec/customresourcedefinitions/owned")) {
            owned.add(o.path("name").asText() + " " + o.path("version").asText() + " " + o.path("kind").asText());
            assertThat(o.path("displayName").asText()).as("displayName of " + o.path("name")).isNotBlank();
            assertThat(o.path("description").asText()).as("description of " + o.path("name")).hasSizeGreaterThan(40);
        }
        crds.forEach((name, crd) -> crd.at("/spec/versions").forEach(v -> expected.add(
                name + " " + v.path("name").asText() + " " + crd.at("/spec/names/kind").asText())));
        assertThat(owned).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(CSV.at("/spec/customresourcedefinitions/required")).isEmpty();
    }

    @Test
    void itRunsTheImageMakeImageBuilt() {
        // make test builds and pushes the image (image.sh) in the same `mvn verify` that generated the bundle.
        JsonNode containers = CSV.at("/spec/install/spec/deployments/0/spec/template/spec/containers");
        assertThat(containers).hasSize(1);
        assertThat(containers.get(0).path("image").asText()).isEqualTo(Commands.IMAGE);
        assertThat(CSV.at("/metadata/annotations/containerImage").asText()).isEqualTo(Commands.IMAGE);
        String version = Commands.IMAGE.substring(Commands.IMAGE.lastIndexOf(':') + 1);
        assertThat(CSV.at("/spec/version").asText()).isEqualTo(version);
        assertThat(CSV.at("/metadata/name").asText()).isEqualTo("pilotlight.v" + version.toLowerCase());
    }

    @Test
    void itSupportsEveryInstallModeAndWatchesTheOperatorGroupsNamespaces() {
        Map<String, Boolean> modes = new TreeMap<>();
        CSV.at("/spec/installModes").forEach(m -> modes.put(m.path("type").asText(), m.path("supported").asBoolean()));
        assertThat(modes).isEqualTo(Map.of("OwnNamespace", true, "SingleNamespace", true, "MultiNamespace", true, "AllNamespaces", true));
        // Each controller watches the OperatorGroup's target namespaces (all of them when OLM gives "").
        List<String> watched = new ArrayList<>();
        CSV.at("/spec/install/spec/deployments/0/spec/template/spec/containers/0/env").forEach(e -> {
            if (OLM_NAMESPACES.equals(e.at("/valueFrom/fieldRef/fieldPath").asText())) {
                watched.add(e.path("name").asText());
            }
        });
        assertThat(watched).hasSameSizeAs(CSV.at("/spec/customresourcedefinitions/owned"))
                .allMatch(name -> name.matches("QUARKUS_OPERATOR_SDK_CONTROLLERS_[A-Z0-9_]+_NAMESPACES"));
    }

    @Test
    void itDescribesItself() throws IOException {
        JsonNode spec = CSV.path("spec");
        assertThat(spec.path("displayName").asText()).isEqualTo("Pilotlight");
        assertThat(spec.path("description").asText()).contains("pilot light").hasSizeGreaterThan(200);
        assertThat(spec.path("keywords")).isNotEmpty();
        assertThat(spec.path("maintainers")).isNotEmpty().allMatch(m -> !m.path("name").asText().isBlank() && m.path("email").asText().contains("@"));
        assertThat(spec.path("links")).isNotEmpty().allMatch(l -> l.path("url").asText().startsWith("https://"));
        assertThat(spec.at("/provider/name").asText()).isNotBlank();
        assertThat(spec.path("minKubeVersion").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(CSV.at("/metadata/annotations/operatorframework.io~1suggested-namespace").asText())
                .isEqualTo(DEPLOY.get("Deployment pilotlight-system/pilotlight-operator").at("/metadata/namespace").asText());
        // alm-examples: the samples' plan and Failover, one per owned kind.
        JsonNode examples = JSON.readTree(CSV.at("/metadata/annotations/alm-examples").asText());
        assertThat(examples).extracting(e -> e.path("kind").asText()).containsExactlyInAnyOrder("DisasterRecoveryPlan", "Failover");
        JsonNode plan = only(objects(Files.readString(Path.of("samples/plan.yaml"))).values().stream()
                .filter(o -> kind(o).equals("DisasterRecoveryPlan")).toList());
        ((ObjectNode) plan.path("metadata")).remove("namespace");
        assertThat(examples).contains(plan);

        JsonNode annotations = YAML.readTree(BUNDLE.resolve("metadata/annotations.yaml").toFile()).path("annotations");
        assertThat(annotations.path("operators.operatorframework.io.bundle.package.v1").asText()).isEqualTo("pilotlight");
        assertThat(annotations.path("operators.operatorframework.io.bundle.channels.v1").asText()).isEqualTo("alpha");
        assertThat(annotations.path("operators.operatorframework.io.bundle.channel.default.v1").asText()).isEqualTo("alpha");
        String dockerfile = Files.readString(BUNDLE.resolve("bundle.Dockerfile"));
        annotations.fields().forEachRemaining(a -> assertThat(dockerfile).contains("LABEL " + a.getKey() + "=" + a.getValue().asText()));
    }

    @Test
    void itRunsDeploysDeployment() {
        JsonNode expected = DEPLOY.get("Deployment pilotlight-system/pilotlight-operator");
        JsonNode deployment = CSV.at("/spec/install/spec/deployments/0");
        assertThat(CSV.at("/spec/install/spec/deployments")).hasSize(1);
        assertThat(deployment.path("name").asText()).isEqualTo(expected.at("/metadata/name").asText());
        assertThat(deployment.path("label")).isEqualTo(expected.at("/metadata/labels"));
        // The same spec (probes, resources, security context, volumes, arguments, environment), but the image
        // and the generator's olm.targetNamespaces variables.
        ObjectNode spec = deployment.path("spec").deepCopy();
        ObjectNode container = (ObjectNode) spec.at("/template/spec/containers/0");
        container.remove("image");
        ArrayNode env = container.withArray("env");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (OLM_NAMESPACES.equals(env.get(i).at("/valueFrom/fieldRef/fieldPath").asText())) {
                env.remove(i);
            }
        }
        ObjectNode deploySpec = expected.path("spec").deepCopy();
        ((ObjectNode) deploySpec.at("/template/spec/containers/0")).remove("image");
        assertThat(spec).isEqualTo(deploySpec);
        assertThat(spec.at("/template/spec/containers/0/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(env.toString()).contains("POD_NAMESPACE");
    }

    @Test
    void itGrantsWhatDeployGrantsAndNoSecretBeyondTheOperatorsNamespace() {
        String sa = CSV.at("/spec/install/spec/deployments/0/spec/template/spec/serviceAccountName").asText();
        assertThat(sa).isEqualTo("pilotlight-operator");
        String operatorNamespace = "pilotlight-system";
        // deploy/: what the ServiceAccount may do cluster-wide, and in the operator's namespace only.
        Set<String> deployCluster = new TreeSet<>(), deployNamespace = new TreeSet<>();
        for (JsonNode binding : DEPLOY.values()) {
            if (!kind(binding).endsWith("RoleBinding") || !boundTo(binding, sa)) {
                continue;
            }
            JsonNode role = role(DEPLOY, binding);
            if (kind(binding).equals("ClusterRoleBinding")) {
                deployCluster.addAll(grants(role.path("rules")));
            } else {
                assertThat(binding.at("/metadata/namespace").asText()).isEqualTo(operatorNamespace);
                deployNamespace.addAll(grants(role.path("rules")));
            }
        }
        // The bundle: clusterPermissions (cluster-wide), permissions (the operator's and the target namespaces; all
        // namespaces under AllNamespaces), and the bundle objects (a RoleBinding in the operator's namespace).
        Set<String> cluster = new TreeSet<>(), permissions = new TreeSet<>(), objects = new TreeSet<>();
        CSV.at("/spec/install/spec/clusterPermissions").forEach(p -> {
            assertThat(p.path("serviceAccountName").asText()).isEqualTo(sa);
            cluster.addAll(grants(p.path("rules")));
        });
        CSV.at("/spec/install/spec/permissions").forEach(p -> {
            assertThat(p.path("serviceAccountName").asText()).isEqualTo(sa);
            permissions.addAll(grants(p.path("rules")));
        });
        Map<String, JsonNode> bundleObjects = new TreeMap<>();
        manifests().forEach(o -> bundleObjects.put(kind(o) + " /" + o.at("/metadata/name").asText(), o));
        for (JsonNode binding : bundleObjects.values()) {
            if (kind(binding).endsWith("RoleBinding")) {
                assertThat(kind(binding)).as("a bundle's binding is namespaced: OLM puts it in the operator's namespace").isEqualTo("RoleBinding");
                assertThat(boundTo(binding, sa)).isTrue();
                assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(operatorNamespace);
                objects.addAll(grants(role(bundleObjects, binding).path("rules")));
            }
        }

        // Every right deploy/ grants, and no other.
        Set<String> all = new TreeSet<>(cluster);
        all.addAll(permissions);
        all.addAll(objects);
        Set<String> deployAll = new TreeSet<>(deployCluster);
        deployAll.addAll(deployNamespace);
        assertThat(all).isEqualTo(deployAll);
        // Cluster-wide under AllNamespaces: deploy/'s cluster-wide rights plus the leader election's Leases only.
        Set<String> widest = new TreeSet<>(cluster);
        widest.addAll(permissions);
        widest.removeAll(deployCluster);
        assertThat(widest).containsExactlyInAnyOrder("coordination.k8s.io/leases/create", "coordination.k8s.io/leases/get",
                "coordination.k8s.io/leases/patch", "coordination.k8s.io/leases/update");
        // Secrets (kubeconfigs, TSIG keys) only in the operator's namespace, as deploy/ has it (SECURITY.md).
        assertThat(cluster).noneMatch(g -> g.startsWith("/secrets/"));
        assertThat(permissions).noneMatch(g -> g.startsWith("/secrets/"));
        assertThat(objects).contains("/secrets/get");

        // The site roles (bound by plans' ServiceAccounts, samples/plan-identity.yaml): deploy/'s, as they are.
        DEPLOY.forEach((key, o) -> {
            if (kind(o).equals("ClusterRole") && DEPLOY.values().stream().noneMatch(b -> b.at("/roleRef/name").asText().equals(o.at("/metadata/name").asText()))) {
                assertThat(bundleObjects.get(key)).as(key).isEqualTo(o);
            }
        });
        assertThat(bundleObjects.values()).extracting(BundleIT::kind).allMatch(BUNDLE_KINDS::contains);
    }

    private static boolean boundTo(JsonNode binding, String serviceAccount) {
        JsonNode subjects = binding.path("subjects");
        return subjects.size() == 1 && subjects.get(0).path("kind").asText().equals("ServiceAccount")
                && subjects.get(0).path("name").asText().equals(serviceAccount);
    }

    private static JsonNode role(Map<String, JsonNode> objects, JsonNode binding) {
        String kind = binding.at("/roleRef/kind").asText(), name = binding.at("/roleRef/name").asText();
        return objects.values().stream().filter(o -> kind(o).equals(kind) && o.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(binding.at("/metadata/name") + " binds " + kind + " " + name + ", not found"));
    }

    /** Rules as "group/resource/verb" grants. */
    private static Set<String> grants(JsonNode rules) {
        Set<String> out = new TreeSet<>();
        for (JsonNode rule : rules) {
            assertThat(rule.has("resourceNames") || rule.has("nonResourceURLs")).as("rules this test can compare").isFalse();
            rule.path("apiGroups").forEach(g -> rule.path("resources").forEach(r -> rule.path("verbs").forEach(v ->
                    out.add(g.asText() + "/" + r.asText() + "/" + v.asText()))));
        }
        return out;
    }

    private static List<JsonNode> manifests() {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(BUNDLE.resolve("manifests"))) {
            for (Path f : files.sorted().toList()) {
                out.addAll(objects(Files.readString(f)).values());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    private static JsonNode only(List<JsonNode> nodes) {
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }

    /** Files under a folder by relative path, with their contents. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static Map<String, JsonNode> objects(String yaml) {
        return Commands.objects(yaml);
    }
}
