package io.pilotlight.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The figures of one benchmark case, written to target/bench/cases/&lt;case&gt;.json; every write makes
 * target/bench/results.json (all cases), the Markdown table results.md and the sync chart
 * sync-scaling.png (time against object count, Pilotlight beside the floors) anew from all the cases
 * there, so that the targets of `make bench` can run one after another.
 */
public final class BenchResults {

    public static final Path DIR = Path.of("target/bench");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final String title;
    private final List<Map<String, Object>> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchResults(String name, String title) {
        this.name = name;
        this.title = title;
    }

    public BenchResults figure(String key, double value, String unit) {
        return figure(key, value, unit, null, null);
    }

    /** A figure with its target ("<= 1.2") and whether it was met. */
    public BenchResults figure(String key, double value, String unit, String target, Boolean met) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", key);
        f.put("value", Math.round(value * 1000) / 1000.0);
        f.put("unit", unit);
        if (target != null) {
            f.put("target", target);
            f.put("met", met);
        }
        figures.add(f);
        return this;
    }

    public BenchResults note(String text) {
        notes.add(text);
        return this;
    }

    /** The value of a figure written by any case, or null. */
    @SuppressWarnings("unchecked")
    static Double value(Map<String, Object> benchCase, String key) {
        for (Map<String, Object> f : (List<Map<String, Object>>) benchCase.get("figures")) {
            if (key.equals(f.get("name"))) {
                return ((Number) f.get("value")).doubleValue();
            }
        }
        return null;
    }

    public void write() throws IOException {
        Path cases = DIR.resolve("cases");
        Files.createDirectories(cases);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("case", name);
        doc.put("title", title);
        doc.put("at", Instant.now().toString());
        doc.put("cpus", Runtime.getRuntime().availableProcessors());
        doc.put("figures", figures);
        doc.put("notes", notes);
        JSON.writeValue(cases.resolve(name + ".json").toFile(), doc);
        List<Map<String, Object>> all = readAll(cases);
        JSON.writeValue(DIR.resolve("results.json").toFile(), Map.of("cases", all));
        Files.writeString(DIR.resolve("results.md"), BenchTable.markdown(all));
        BenchTable.syncChart(all, DIR.resolve("sync-scaling.png"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readAll(Path cases) throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(cases)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.add(JSON.readValue(p.toFile(), Map.class));
            }
        }
        all.sort(Comparator.comparing(c -> (String) c.get("case")));
        return all;
    }
}
