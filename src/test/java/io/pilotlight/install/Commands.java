package io.pilotlight.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** The command-line tools the install tests drive (kubectl, crane, the scripts of deploy/ and hack/), bounded in time. */
final class Commands {

    static final Path REPO = Path.of("").toAbsolutePath();
    static final String KUBECTL = property("install-test.kubectl");
    static final String CRANE = property("install-test.crane");
    static final String HELM = property("install-test.helm");
    static final String IMAGE = property("install-test.image");
    static final boolean INSECURE_REGISTRY = Boolean.parseBoolean(System.getProperty("install-test.insecure-registry"));

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Commands() {
    }

    /** The objects of a YAML stream by "Kind namespace/name" (cluster-scoped: "Kind /name"). */
    static Map<String, JsonNode> objects(String yaml) {
        Map<String, JsonNode> out = new TreeMap<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            for (JsonNode doc : docs.readAll()) {
                if (doc != null && doc.has("kind")) {
                    out.put(doc.path("kind").asText() + " " + doc.at("/metadata/namespace").asText("") + "/" + doc.at("/metadata/name").asText(), doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Runs a command to its end (at most 5 minutes) and returns its standard output; fails with its output otherwise. */
    static String run(Map<String, String> env, String... command) {
        try {
            Path out = Files.createTempFile("pilotlight-install", ".out");
            Path err = Files.createTempFile("pilotlight-install", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            boolean done = p.waitFor(5, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
            }
            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            Files.delete(out);
            Files.delete(err);
            if (!done || p.exitValue() != 0) {
                throw new IllegalStateException(List.of(command) + (done ? " failed (" + p.exitValue() + ")" : " timed out")
                        + ":\n" + stderr + stdout);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String run(String... command) {
        return run(Map.of(), command);
    }

    static String kubectl(Path kubeconfig, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = KUBECTL;
        command[1] = "--kubeconfig";
        command[2] = kubeconfig.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        return run(command);
    }

    static String crane(String... args) {
        String[] command = new String[args.length + (INSECURE_REGISTRY ? 2 : 1)];
        command[0] = CRANE;
        if (INSECURE_REGISTRY) {
            command[1] = "--insecure";
        }
        System.arraycopy(args, 0, command, command.length - args.length, args.length);
        return run(command);
    }

    private static String property(String name) {
        String value = System.getProperty(name, "");
        if (value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the install tests with `make test` (hack/install/image.sh verify)");
        }
        return value;
    }
}
