package io.pilotlight.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The API server's audit log of a local cluster (hack/testenv/clusters.sh records every request made
 * with ServiceAccount credentials), read from a mark on: which requests were refused (403) and which
 * rules were used; the kill points read who wrote when from it (chaos/WriteLog).
 */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private long mark;

    public AuditLog(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("no audit log at " + file + ": the install tests need the local clusters of hack/testenv"
                    + " (re-create them with `make clusters-down clusters-up` if they predate audit logging)");
        }
        this.file = file;
        mark();
    }

    /** Forgets what was logged so far. */
    void mark() {
        try {
            mark = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per refused request since the mark: who (as whom) was refused which verb on what, where. */
    Set<String> forbidden() {
        Set<String> refused = new LinkedHashSet<>();
        for (JsonNode event : events()) {
            if (event.path("responseStatus").path("code").asInt() == 403) {
                String why = event.path("responseStatus").path("message").asText("");
                refused.add(rule(event) + (why.isEmpty() ? "" : " (" + why + ")"));
            }
        }
        return refused;
    }

    /** The requests since the mark, as {@link #rule} lines, that were allowed. */
    Set<String> allowed() {
        Set<String> used = new LinkedHashSet<>();
        for (JsonNode event : events()) {
            int code = event.path("responseStatus").path("code").asInt();
            if (code != 403 && code != 401) {
                used.add(rule(event));
            }
        }
        return used;
    }

    /** "system:serviceaccount:dr:pilotlight: list apps/deployments in shop", the rule a request needs. */
    static String rule(JsonNode event) {
        JsonNode ref = event.path("objectRef");
        String user = event.path("impersonatedUser").path("username").asText(event.path("user").path("username").asText());
        String resource = ref.path("resource").asText(event.path("requestURI").asText());
        if (ref.hasNonNull("subresource")) {
            resource += "/" + ref.path("subresource").asText();
        }
        String group = ref.path("apiGroup").asText("");
        return user + ": " + event.path("verb").asText() + " " + (group.isEmpty() ? "" : group + "/") + resource
                + (ref.hasNonNull("namespace") ? " in " + ref.path("namespace").asText() : " (cluster-wide)");
    }

    /** Every request logged since the mark, one JSON audit event each. */
    public List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(Math.min(mark, in.length()));
            byte[] rest = new byte[(int) (in.length() - in.getFilePointer())];
            in.readFully(rest);
            String text = new String(rest, StandardCharsets.UTF_8);
            // Only whole lines: the API server may be writing the last one.
            for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
                if (!line.isBlank()) {
                    events.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
