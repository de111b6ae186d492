import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OLM bundle's install section from deploy/, the source of truth for what the operator runs as: run by
 * `mvn package` (exec-maven-plugin, after QOSDK's bundle generator wrote target/bundle/pilotlight/) as
 * {@code java -cp <runtime classpath> hack/install/BundleFromDeploy.java <bundle dir> <deploy dir> <samples dir>}.
 *
 * <p>The generator's CSV keeps its metadata (io.pilotlight.olm.PilotlightBundle), owned CRDs and install
 * modes; its install section, made from QOSDK's own RBAC and the quarkus-kubernetes Deployment, is replaced:
 * <ul>
 * <li>ClusterRoles bound by a ClusterRoleBinding: their rules on namespaced resources become {@code permissions}
 * (OLM grants them in the OperatorGroup's target namespaces, cluster-wide for AllNamespaces: deploy/'s
 * ClusterRoleBinding, or its documented per-namespace RoleBindings), the rest {@code clusterPermissions};</li>
 * <li>Roles bound by a RoleBinding (leader election): {@code permissions};</li>
 * <li>a ClusterRole bound by a RoleBinding in the operator's namespace (the trusted namespace's Secrets), and
 * ClusterRoles bound by nothing (the site roles), and Services: bundle objects as they are, so that no Secret
 * right spreads to the target namespaces;</li>
 * <li>the Deployment: deploy/'s, with the generator's image and its olm.targetNamespaces variables.</li>
 * </ul>
 * Any other kind in deploy/ fails the build: it has to be given a place here first. The generator's CSV is
 * kept beside the bundle as target/bundle/pilotlight.generated-csv.yaml; alm-examples come from samples/.
 */
public class BundleFromDeploy {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    static final ObjectMapper JSON = new ObjectMapper();
    /** Resources without a namespace that deploy/'s rules name (a rule on them cannot be namespaced). */
    static final Set<String> CLUSTER_SCOPED = Set.of("namespaces", "nodes", "persistentvolumes", "storageclasses",
            "customresourcedefinitions", "clusterroles", "clusterrolebindings", "priorityclasses",
            "selfsubjectaccessreviews", "selfsubjectrulesreviews", "subjectaccessreviews", "tokenreviews");
    static final String OLM_NAMESPACES = "metadata.annotations['olm.targetNamespaces']";

    public static void main(String[] args) throws IOException {
        Path bundle = Path.of(args[0]), deploy = Path.of(args[1]), samples = Path.of(args[2]);
        Path manifests = bundle.resolve("manifests");
        Path csvFile;
        try (var files = Files.list(manifests)) {
            csvFile = files.filter(f -> f.getFileName().toString().endsWith(".clusterserviceversion.yaml")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ClusterServiceVersion in " + manifests));
        }
        ObjectNode csv = (ObjectNode) YAML.readTree(csvFile.toFile());
        Files.writeString(bundle.resolveSibling(bundle.getFileName() + ".generated-csv.yaml"), YAML.writeValueAsString(csv));
        ObjectNode generated = (ObjectNode) csv.at("/spec/install/spec").deepCopy();

        List<ObjectNode> objects = load(deploy, deploy.resolve("kustomization.yaml"));
        Map<String, ObjectNode> roles = new LinkedHashMap<>(), clusterRoles = new LinkedHashMap<>();
        List<ObjectNode> bindings = new ArrayList<>(), extras = new ArrayList<>();
        ObjectNode deployment = null;
        String serviceAccount = null, operatorNamespace = null;
        for (ObjectNode o : objects) {
            String kind = o.path("kind").asText(), name = o.at("/metadata/name").asText();
            switch (kind) {
                case "CustomResourceDefinition", "Namespace" -> { } // the generator's CRDs; OLM's namespace
                case "ServiceAccount" -> serviceAccount = name;
                case "ClusterRole" -> clusterRoles.put(name, o);
                case "Role" -> roles.put(name, o);
                case "ClusterRoleBinding", "RoleBinding" -> bindings.add(o);
                case "Service" -> extras.add(o);
                case "Deployment" -> {
                    if (deployment != null) {
                        throw new IllegalStateException("deploy/ has two Deployments; the CSV takes one");
                    }
                    deployment = o;
                    operatorNamespace = o.at("/metadata/namespace").asText();
                }
                default -> throw new IllegalStateException(kind + " " + name + " of deploy/ has no place in the OLM bundle:"
                        + " give it one in hack/install/BundleFromDeploy.java");
            }
        }
        if (deployment == null || serviceAccount == null) {
            throw new IllegalStateException("deploy/ has no Deployment or no ServiceAccount");
        }
        String sa = serviceAccount;
        if (!sa.equals(deployment.at("/spec/template/spec/serviceAccountName").asText())) {
            throw new IllegalStateException("deploy/'s Deployment does not run as its ServiceAccount " + sa);
        }

        ArrayNode permissions = JSON.createArrayNode(), clusterPermissions = JSON.createArrayNode();
        Set<String> boundClusterRoles = new LinkedHashSet<>();
        for (ObjectNode binding : bindings) {
            JsonNode subjects = binding.path("subjects");
            if (subjects.size() != 1 || !"ServiceAccount".equals(subjects.get(0).path("kind").asText())
                    || !sa.equals(subjects.get(0).path("name").asText())) {
                throw new IllegalStateException(binding.at("/metadata/name").asText() + " binds someone else than " + sa);
            }
            String roleKind = binding.at("/roleRef/kind").asText(), roleName = binding.at("/roleRef/name").asText();
            ObjectNode role = ("Role".equals(roleKind) ? roles : clusterRoles).get(roleName);
            if (role == null) {
                throw new IllegalStateException(binding.at("/metadata/name").asText() + " binds " + roleKind + " " + roleName
                        + ", which deploy/ does not define");
            }
            if ("ClusterRoleBinding".equals(binding.path("kind").asText())) {
                boundClusterRoles.add(roleName);
                for (JsonNode rule : role.path("rules")) {
                    split((ObjectNode) rule, permissions, clusterPermissions);
                }
            } else if ("Role".equals(roleKind)) {
                if (!operatorNamespace.equals(binding.at("/metadata/namespace").asText())) {
                    throw new IllegalStateException("RoleBinding " + binding.at("/metadata/name").asText()
                            + " is outside the operator's namespace; OLM grants Roles there and in the target namespaces only");
                }
                role.path("rules").forEach(permissions::add);
            } else {
                // A ClusterRole bound in the operator's namespace only: both go as they are (see the class comment).
                extras.add(binding);
            }
        }
        clusterRoles.forEach((name, role) -> {
            if (!boundClusterRoles.contains(name)) {
                extras.add(role);
            }
        });

        ObjectNode install = JSON.createObjectNode();
        install.set("clusterPermissions", grant(sa, clusterPermissions));
        install.set("permissions", grant(sa, permissions));
        install.set("deployments", JSON.createArrayNode().add(csvDeployment(deployment, generated)));
        ((ObjectNode) csv.at("/spec/install")).set("spec", install);

        ObjectNode annotations = (ObjectNode) csv.at("/metadata/annotations");
        annotations.put("containerImage", install.at("/deployments/0/spec/template/spec/containers/0/image").asText());
        annotations.put("alm-examples", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(examples(samples, csv)));
        Files.writeString(csvFile, YAML.writeValueAsString(csv));

        // The objects of an earlier build that deploy/ no longer has go (the generator's files: the CSV, *.crd.yml).
        try (var files = Files.list(manifests)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml") && !f.equals(csvFile)).toList()) {
                Files.delete(f);
            }
        }
        for (ObjectNode extra : extras) {
            ((ObjectNode) extra.path("metadata")).remove("namespace"); // OLM creates them in the operator's namespace
            String file = extra.at("/metadata/name").asText() + "." + extra.path("kind").asText().toLowerCase() + ".yaml";
            Files.writeString(manifests.resolve(file), YAML.writeValueAsString(extra));
        }
        System.out.printf("[bundle] %s: install section from deploy/ (%d cluster rule(s), %d namespaced rule(s), %d bundle object(s))%n",
                csvFile, clusterPermissions.size(), permissions.size(), extras.size());
    }

    /** A rule of a cluster-wide ClusterRole: the part on namespaced resources goes to permissions. */
    static void split(ObjectNode rule, ArrayNode permissions, ArrayNode clusterPermissions) {
        if (rule.has("nonResourceURLs")) {
            clusterPermissions.add(rule);
            return;
        }
        ArrayNode namespaced = JSON.createArrayNode(), cluster = JSON.createArrayNode();
        rule.path("resources").forEach(r -> (CLUSTER_SCOPED.contains(r.asText().split("/")[0]) ? cluster : namespaced).add(r));
        if (!namespaced.isEmpty()) {
            permissions.add(rule.deepCopy().set("resources", namespaced));
        }
        if (!cluster.isEmpty()) {
            clusterPermissions.add(rule.deepCopy().set("resources", cluster));
        }
    }

    static ArrayNode grant(String serviceAccount, ArrayNode rules) {
        ArrayNode grants = JSON.createArrayNode();
        if (!rules.isEmpty()) {
            grants.addObject().put("serviceAccountName", serviceAccount).set("rules", rules);
        }
        return grants;
    }

    /** deploy/'s Deployment, with the generator's image and its olm.targetNamespaces variables. */
    static ObjectNode csvDeployment(ObjectNode deployment, ObjectNode generated) {
        JsonNode generatedContainer = generated.at("/deployments/0/spec/template/spec/containers/0");
        ObjectNode spec = deployment.path("spec").deepCopy();
        ObjectNode container = (ObjectNode) spec.at("/template/spec/containers/0");
        container.put("image", generatedContainer.path("image").asText());
        ArrayNode env = container.withArray("env");
        Set<String> present = new LinkedHashSet<>();
        env.forEach(e -> present.add(e.path("name").asText()));
        // Sorted: the generator lists them in no fixed order, and the same sources should give the same bundle.
        List<JsonNode> olm = new ArrayList<>();
        generatedContainer.path("env").forEach(e -> {
            if (OLM_NAMESPACES.equals(e.at("/valueFrom/fieldRef/fieldPath").asText()) && present.add(e.path("name").asText())) {
                olm.add(e);
            }
        });
        olm.stream().sorted(Comparator.comparing(e -> e.path("name").asText())).forEach(env::add);
        ObjectNode result = JSON.createObjectNode().put("name", deployment.at("/metadata/name").asText());
        if (deployment.at("/metadata/labels").isObject()) {
            result.set("label", deployment.at("/metadata/labels"));
        }
        result.set("spec", spec);
        return result;
    }

    /** alm-examples: the first object of each owned kind in samples/, without its namespace. */
    static ArrayNode examples(Path samples, ObjectNode csv) throws IOException {
        Map<String, ObjectNode> byKind = new LinkedHashMap<>();
        csv.at("/spec/customresourcedefinitions/owned").forEach(crd -> byKind.put(crd.path("kind").asText(), null));
        try (var files = Files.list(samples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (ObjectNode o : documents(file)) {
                    String kind = o.path("kind").asText();
                    if (byKind.containsKey(kind) && byKind.get(kind) == null && o.at("/apiVersion").asText().startsWith("pilotlight.io/")) {
                        ((ObjectNode) o.path("metadata")).remove("namespace");
                        byKind.put(kind, o);
                    }
                }
            }
        }
        ArrayNode examples = JSON.createArrayNode();
        byKind.forEach((kind, o) -> {
            if (o == null) {
                throw new IllegalStateException("samples/ has no " + kind + " for the CSV's alm-examples");
            }
            examples.add(o);
        });
        return examples;
    }

    /** The objects of a kustomization's resources (files, and folders with their own kustomization.yaml). */
    static List<ObjectNode> load(Path dir, Path kustomization) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        JsonNode k = YAML.readTree(kustomization.toFile());
        for (JsonNode resource : k.path("resources")) {
            Path p = dir.resolve(resource.asText()).normalize();
            List<ObjectNode> loaded = Files.isDirectory(p) ? load(p, p.resolve("kustomization.yaml")) : documents(p);
            for (ObjectNode o : loaded) {
                // kustomize's `labels` (includeSelectors: false): metadata labels only.
                for (JsonNode labels : k.path("labels")) {
                    if (!labels.path("includeSelectors").asBoolean(false)) {
                        ((ObjectNode) o.path("metadata")).withObjectProperty("labels").setAll((ObjectNode) labels.path("pairs"));
                    }
                }
                objects.add(o);
            }
        }
        return objects;
    }

    static List<ObjectNode> documents(Path file) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && n.isObject() && n.has("kind")) {
                    docs.add((ObjectNode) n);
                }
            }
        }
        return docs;
    }
}
