package io.pilotlight.testsupport;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The list and watch requests an API server has served, from its own metrics: LISTs done
 * ({@code apiserver_request_total}) and WATCHes open now ({@code apiserver_longrunning_requests}).
 * Cluster-wide counters: the cluster's own controllers and the benchmark's watches count too, so a
 * benchmark reads them before and after and prints the difference.
 */
public record ApiRequests(long lists, long watchesOpen, Map<String, Long> listsBy, Map<String, Long> watchesBy) {

    private static final Pattern RESOURCE = Pattern.compile("resource=\"([^\"]*)\".*scope=\"([^\"]*)\"");

    public static ApiRequests of(KubernetesClient client) {
        long lists = 0;
        long watches = 0;
        Map<String, Long> by = new TreeMap<>();
        Map<String, Long> watchesBy = new TreeMap<>();
        for (String line : client.raw("/metrics").split("\n")) {
            if (line.startsWith("apiserver_request_total{") && line.contains("verb=\"LIST\"")) {
                lists += value(line);
                Matcher m = RESOURCE.matcher(line);
                if (m.find()) {
                    by.merge(m.group(1) + "/" + m.group(2), value(line), Long::sum);
                }
            } else if (line.startsWith("apiserver_longrunning_requests{") && line.contains("verb=\"WATCH\"")) {
                watches += value(line);
                Matcher m = RESOURCE.matcher(line);
                if (m.find()) {
                    watchesBy.merge(m.group(1) + "/" + m.group(2), value(line), Long::sum);
                }
            }
        }
        return new ApiRequests(lists, watches, by, watchesBy);
    }

    public ApiRequests minus(ApiRequests before) {
        return new ApiRequests(lists - before.lists, watchesOpen - before.watchesOpen, merge(listsBy, before.listsBy, -1),
                merge(watchesBy, before.watchesBy, -1));
    }

    public ApiRequests plus(ApiRequests other) {
        return new ApiRequests(lists + other.lists, watchesOpen + other.watchesOpen, merge(listsBy, other.listsBy, 1),
                merge(watchesBy, other.watchesBy, 1));
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b, int sign) {
        Map<String, Long> by = new TreeMap<>(a);
        b.forEach((k, v) -> by.merge(k, sign * v, Long::sum));
        by.values().removeIf(v -> v == 0);
        return by;
    }

    /** The default protected kinds' resources: what a plan's sync lists. */
    public static final Set<String> SYNCED = Set.of("deployments", "statefulsets", "daemonsets", "cronjobs", "services",
            "configmaps", "secrets", "serviceaccounts", "persistentvolumeclaims", "roles", "rolebindings", "ingresses",
            "horizontalpodautoscalers", "poddisruptionbudgets");

    /** LISTs of those resources in a scope ("cluster": every namespace at once, "namespace": one namespace). */
    public long lists(Set<String> resources, String scope) {
        return listsBy.entrySet().stream().filter(e -> e.getKey().endsWith("/" + scope)
                && resources.contains(e.getKey().substring(0, e.getKey().indexOf('/')))).mapToLong(Map.Entry::getValue).sum();
    }

    /** The resources listed most, "configmaps/cluster=2, ...". */
    public String top(int n) {
        return top(listsBy, n);
    }

    /** The resources with the most watches open, likewise. */
    public String topWatches(int n) {
        return top(watchesBy, n);
    }

    private static String top(Map<String, Long> by, int n) {
        return by.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static long value(String line) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
    }
}
