package io.pilotlight.testsupport;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The list and watch requests an API server has served, from its own metrics: LISTs done
 * ({@code apiserver_request_total}) and WATCHes open now ({@code apiserver_longrunning_requests}).
 * Cluster-wide counters: the cluster's own controllers and the benchmark's watches count too, so a
 * benchmark reads them before and after and prints the difference.
 */
public record ApiRequests(long lists, long watchesOpen) {

    public static ApiRequests of(KubernetesClient client) {
        long lists = 0;
        long watches = 0;
        for (String line : client.raw("/metrics").split("\n")) {
            if (line.startsWith("apiserver_request_total{") && line.contains("verb=\"LIST\"")) {
                lists += value(line);
            } else if (line.startsWith("apiserver_longrunning_requests{") && line.contains("verb=\"WATCH\"")) {
                watches += value(line);
            }
        }
        return new ApiRequests(lists, watches);
    }

    public ApiRequests minus(ApiRequests before) {
        return new ApiRequests(lists - before.lists, watchesOpen - before.watchesOpen);
    }

    public ApiRequests plus(ApiRequests other) {
        return new ApiRequests(lists + other.lists, watchesOpen + other.watchesOpen);
    }

    private static long value(String line) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
    }
}
