package io.pilotlight.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.pilotlight.install.AuditLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who wrote what, when, to a local cluster: its API server's audit log (hack/testenv/clusters.sh
 * records every request made with ServiceAccount credentials, at the end of each request), from a mark
 * on. Each operator replica runs with a ServiceAccount of its own, so a write names its replica
 * without relying on anything the replica says about itself (a user agent, a field manager, an Event's
 * reporting instance are all chosen by the client; the authenticated user is not). The times are the
 * API server's: when it received the request and when it answered.
 */
final class WriteLog {

    private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete", "deletecollection");

    record Write(String user, String verb, String resource, String name, Instant received, Instant answered, int code) {

        boolean lease() {
            return resource.equals("coordination.k8s.io/leases");
        }

        @Override
        public String toString() {
            return received + ".." + answered + " " + user.substring(user.lastIndexOf(':') + 1) + " " + verb + " " + resource + "/" + name
                    + " -> " + code;
        }
    }

    private final AuditLog audit;

    /** The audit log of a local cluster of hack/testenv, from now on. */
    WriteLog(Path repo, String cluster) {
        this.audit = new AuditLog(repo.resolve(".local/kwok/clusters").resolve(cluster).resolve("logs/audit.log"));
    }

    /**
     * The writes by {@code user} since the mark: every request that can change state, refused ones
     * included (a refused write was still attempted), except the access reviews a client asks about
     * itself, which change nothing.
     */
    List<Write> writes(String user) {
        List<Write> writes = new ArrayList<>();
        for (JsonNode event : audit.events()) {
            JsonNode ref = event.path("objectRef");
            String resource = (ref.path("apiGroup").asText("").isEmpty() ? "" : ref.path("apiGroup").asText() + "/")
                    + ref.path("resource").asText("") + (ref.hasNonNull("subresource") ? "/" + ref.path("subresource").asText() : "");
            if (!user.equals(event.path("user").path("username").asText()) || !WRITES.contains(event.path("verb").asText())
                    || resource.endsWith("reviews")) {
                continue;
            }
            writes.add(new Write(user, event.path("verb").asText(), resource, ref.path("name").asText(""),
                    Instant.parse(event.path("requestReceivedTimestamp").asText()), Instant.parse(event.path("stageTimestamp").asText()),
                    event.path("responseStatus").path("code").asInt()));
        }
        return writes;
    }
}
