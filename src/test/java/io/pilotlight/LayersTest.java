package io.pilotlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of DESIGN.md, checked on the sources: every import of a Pilotlight class points down (or
 * stays in its layer), a feature never imports another feature, and no two packages import each other,
 * directly or around a loop. Reads the import lines only, so it runs without compiling anything else.
 */
class LayersTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "io.pilotlight.";
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?io\\.pilotlight\\.([\\w.]+?)\\.(?:[A-Z]|\\*)", Pattern.MULTILINE);

    /** Layer of each top-level package, lowest first; features share a layer but may not import each other. */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("api", 0), Map.entry("velero", 0), Map.entry("status", 0), Map.entry("util", 0),
            Map.entry("config", 0), Map.entry("crd", 0), Map.entry("olm", 0),
            Map.entry("core", 1),
            Map.entry("workloads", 2),
            Map.entry("sync", 3), Map.entry("traffic", 3), Map.entry("backup", 3),
            Map.entry("plan", 4), Map.entry("failover", 4), Map.entry("operator", 4));
    private static final Set<String> FEATURES = Set.of("sync", "traffic", "backup");

    /** Package (without io.pilotlight.) to the packages it imports, with the importing files. */
    private static final Map<String, Map<String, Set<String>>> GRAPH = new TreeMap<>();

    @BeforeAll
    static void readImports() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(LayersTest::read);
        }
    }

    private static void read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher p = PACKAGE.matcher(text);
        assertThat(p.find()).as("package line of %s", file).isTrue();
        String pkg = p.group(1).substring(ROOT.length());
        Map<String, Set<String>> out = GRAPH.computeIfAbsent(pkg, k -> new TreeMap<>());
        Matcher i = IMPORT.matcher(text);
        while (i.find()) {
            String imported = i.group(1);
            if (!imported.equals(pkg)) {
                out.computeIfAbsent(imported, k -> new TreeSet<>()).add(file.getFileName().toString());
            }
        }
    }

    private static String top(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    @Test
    void everyPackageHasALayer() {
        assertThat(GRAPH.keySet().stream().map(LayersTest::top).distinct().filter(t -> !LAYERS.containsKey(t)))
                .as("top-level packages missing from LayersTest.LAYERS (give each new one its layer)").isEmpty();
    }

    @Test
    void importsPointDownAndFeaturesStayApart() {
        List<String> wrong = new ArrayList<>();
        GRAPH.forEach((from, targets) -> targets.forEach((to, files) -> {
            String a = top(from);
            String b = top(to);
            int la = LAYERS.getOrDefault(a, -1);
            int lb = LAYERS.getOrDefault(b, -1);
            if (lb > la) {
                wrong.add(from + " -> " + to + " runs up a layer (" + files + ")");
            } else if (!a.equals(b) && FEATURES.contains(a) && FEATURES.contains(b)) {
                wrong.add(from + " -> " + to + " couples two features (" + files + ")");
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void noPackageCycle() {
        assertThat(cycles()).isEmpty();
    }

    /** Strongly connected components of more than one package (Tarjan), each a cycle to break. */
    private static List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        int[] counter = {0};
        for (String pkg : GRAPH.keySet()) {
            if (!index.containsKey(pkg)) {
                connect(pkg, index, low, stack, found, counter);
            }
        }
        return found;
    }

    private static void connect(String pkg, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            List<Set<String>> found, int[] counter) {
        index.put(pkg, counter[0]);
        low.put(pkg, counter[0]++);
        stack.push(pkg);
        for (String next : GRAPH.getOrDefault(pkg, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, index, low, stack, found, counter);
                low.put(pkg, Math.min(low.get(pkg), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(pkg, Math.min(low.get(pkg), index.get(next)));
            }
        }
        if (low.get(pkg).equals(index.get(pkg))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(pkg));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
