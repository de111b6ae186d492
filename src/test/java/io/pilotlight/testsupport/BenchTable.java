package io.pilotlight.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The Markdown table and the sync chart of {@link BenchResults}. */
final class BenchTable {

    private BenchTable() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(List<Map<String, Object>> cases) {
        StringBuilder md = new StringBuilder("# Pilotlight benchmarks\n\n");
        for (Map<String, Object> c : cases) {
            md.append("## ").append(c.get("case")).append(": ").append(c.get("title")).append("\n\n")
                    .append("Measured ").append(c.get("at")).append(" on ").append(c.get("cpus")).append(" CPUs.\n\n")
                    .append("| figure | value | unit | target | met |\n|---|---:|---|---|---|\n");
            for (Map<String, Object> f : (List<Map<String, Object>>) c.get("figures")) {
                Object met = f.get("met");
                md.append("| ").append(f.get("name")).append(" | ").append(f.get("value")).append(" | ").append(f.get("unit"))
                        .append(" | ").append(f.getOrDefault("target", "")).append(" | ")
                        .append(met == null ? "" : Boolean.TRUE.equals(met) ? "met" : "**missed**").append(" |\n");
            }
            for (String n : (List<String>) c.get("notes")) {
                md.append("\n- ").append(n);
            }
            md.append("\n\n");
        }
        return md.toString();
    }

    /** Time against object count: Pilotlight's initial sync and the two floors, one point per sync case. */
    static void syncChart(List<Map<String, Object>> cases, Path file) throws IOException {
        LineChart chart = new LineChart("Initial sync against the floor", "objects", "seconds").logX();
        boolean any = false;
        for (Map<String, Object> c : cases) {
            Double objects = BenchResults.value(c, "objects");
            if (!((String) c.get("case")).startsWith("sync-") || objects == null) {
                continue;
            }
            any = true;
            point(chart, "Pilotlight (plan created -> last copy)", objects, BenchResults.value(c, "initialSyncSeconds"));
            point(chart, "floor: server-side apply", objects, BenchResults.value(c, "floorApplySeconds"));
            point(chart, "floor: create", objects, BenchResults.value(c, "floorCreateSeconds"));
        }
        if (any) {
            chart.writePng(file, 900, 500);
        }
    }

    private static void point(LineChart chart, String series, double x, Double y) {
        if (y != null) {
            chart.point(series, x, y);
        }
    }
}
