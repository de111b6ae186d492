package io.pilotlight.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.Config;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.util.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads a kubeconfig that a plan's author supplied as data, and only as data. Fabric8's own loader
 * runs {@code exec} plugins, refreshes {@code auth-provider} tokens and reads files named in the
 * kubeconfig, all as the operator: here nothing but inline credentials is accepted (a token, or a
 * client certificate and key), the server must be an https URL, and every other way to
 * authenticate or to reach the server is refused, naming the field and never its value.
 */
public final class KubeconfigParser {

    private static final int MAX_TOKEN = 16 * 1024;

    /** Keys whose meaning is harmless here; everything else in a cluster or user entry is refused. */
    private static final Set<String> TOP = Set.of("apiVersion", "kind", "clusters", "users", "contexts", "current-context",
            "preferences", "extensions");
    private static final Set<String> CONTEXT = Set.of("cluster", "user", "namespace", "extensions");
    private static final Set<String> CLUSTER = Set.of("server", "certificate-authority-data", "insecure-skip-tls-verify",
            "disable-compression", "extensions");
    private static final Set<String> USER = Set.of("token", "client-certificate-data", "client-key-data", "extensions");
    /** Refused with a sentence of their own, since each is a known way to run, read or reach something. */
    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("exec", "runs a command"),
            Map.entry("auth-provider", "runs a token refresh"),
            Map.entry("tokenFile", "reads a file"),
            Map.entry("client-certificate", "reads a file: use client-certificate-data"),
            Map.entry("client-key", "reads a file: use client-key-data"),
            Map.entry("certificate-authority", "reads a file: use certificate-authority-data"),
            Map.entry("proxy-url", "sends the requests through another server"),
            Map.entry("tls-server-name", "is not supported"),
            Map.entry("username", "is basic authentication, which is not supported: use a token"),
            Map.entry("password", "is basic authentication, which is not supported: use a token"),
            Map.entry("as", "impersonates another identity"),
            Map.entry("as-uid", "impersonates another identity"),
            Map.entry("as-groups", "impersonates another identity"),
            Map.entry("as-user-extra", "impersonates another identity"));

    private KubeconfigParser() {
    }

    /**
     * The client configuration of the kubeconfig's current context (or of its only context).
     *
     * @param allowInsecureTls whether the plan opted in to {@code insecure-skip-tls-verify}
     */
    public static Config parse(String kubeconfig, boolean allowInsecureTls) throws SiteConfigException {
        JsonNode root = read(kubeconfig);
        allowOnly(root, TOP, "");
        JsonNode context = context(root);
        allowOnly(context.path("context"), CONTEXT, "contexts[" + context.path("name").asText() + "].context");
        JsonNode cluster = named(root, "clusters", "cluster", context.path("context").path("cluster").asText(null));
        JsonNode user = named(root, "users", "user", context.path("context").path("user").asText(null));
        String clusterAt = "clusters[" + cluster.path("name").asText() + "].cluster";
        String userAt = "users[" + user.path("name").asText() + "].user";
        JsonNode c = cluster.path("cluster");
        JsonNode u = user.path("user");
        allowOnly(c, CLUSTER, clusterAt);
        allowOnly(u, USER, userAt);

        Config config = Config.empty();
        config.setMasterUrl(server(text(c, "server", clusterAt), clusterAt));
        if (c.path("insecure-skip-tls-verify").asBoolean(false)) {
            if (!allowInsecureTls) {
                throw invalid(clusterAt + ".insecure-skip-tls-verify is true: the plan must opt in with allowInsecureTLS on this site");
            }
            config.setTrustCerts(true);
            config.setDisableHostnameVerification(true);
        }
        if (c.has("certificate-authority-data")) {
            config.setCaCertData(pem(text(c, "certificate-authority-data", clusterAt), clusterAt + ".certificate-authority-data"));
        }
        String token = u.has("token") ? text(u, "token", userAt) : null;
        boolean certificate = u.has("client-certificate-data") || u.has("client-key-data");
        if (token != null && certificate) {
            throw invalid(userAt + " has both a token and a client certificate: keep one");
        }
        if (token != null) {
            config.setOauthToken(token(token, userAt + ".token"));
        } else if (certificate) {
            config.setClientCertData(pem(text(u, "client-certificate-data", userAt), userAt + ".client-certificate-data"));
            config.setClientKeyData(pem(text(u, "client-key-data", userAt), userAt + ".client-key-data"));
        } else {
            throw invalid(userAt + " has no credentials: give a token, or client-certificate-data and client-key-data");
        }
        return config;
    }

    private static JsonNode read(String kubeconfig) throws SiteConfigException {
        try {
            JsonNode root = Json.unmarshal(kubeconfig, JsonNode.class);
            if (root == null || !root.isObject()) {
                throw invalid("it is not a kubeconfig (a YAML map with clusters, users and contexts)");
            }
            return root;
        } catch (RuntimeException e) {
            // The parser's message quotes the text, which holds credentials: only its kind is said.
            throw invalid("it is not valid YAML (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static JsonNode context(JsonNode root) throws SiteConfigException {
        JsonNode contexts = root.path("contexts");
        String current = root.path("current-context").asText("");
        if (!current.isEmpty()) {
            return named(root, "contexts", "context", current);
        }
        if (contexts.isArray() && contexts.size() == 1) {
            return contexts.get(0);
        }
        throw invalid("it has no current-context and " + (contexts.isArray() ? contexts.size() : 0)
                + " contexts: set current-context");
    }

    private static JsonNode named(JsonNode root, String list, String what, String name) throws SiteConfigException {
        if (name == null || name.isEmpty()) {
            throw invalid("the context names no " + what);
        }
        for (JsonNode entry : root.path(list)) {
            if (name.equals(entry.path("name").asText(null))) {
                if (!entry.path(what).isObject()) {
                    throw invalid(list + "[" + name + "] has no " + what + " map");
                }
                return entry;
            }
        }
        throw invalid("the context names " + what + " '" + safeName(name) + "', which is not in " + list);
    }

    private static void allowOnly(JsonNode map, Set<String> allowed, String at) throws SiteConfigException {
        for (Iterator<String> it = map.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!allowed.contains(field)) {
                String where = at.isEmpty() ? safeName(field) : at + "." + safeName(field);
                String why = WHY.getOrDefault(field, "is not a field Pilotlight accepts");
                throw invalid(where + " is refused: it " + why);
            }
        }
    }

    private static String text(JsonNode map, String field, String at) throws SiteConfigException {
        JsonNode value = map.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw invalid(at + "." + field + " is missing or not a string");
        }
        return value.asText();
    }

    private static String server(String server, String at) throws SiteConfigException {
        URI uri;
        try {
            uri = new URI(server);
        } catch (URISyntaxException e) {
            throw invalid(at + ".server is not a URL");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw invalid(at + ".server must be an https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(at + ".server must not carry user info, a query or a fragment");
        }
        return server;
    }

    /** Base64 of PEM, as kubeconfig *-data fields are; checked so that a bad value fails here, not in a TLS stack. */
    private static String pem(String base64, String at) throws SiteConfigException {
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid(at + " is not base64");
        }
        if (!new String(decoded, StandardCharsets.US_ASCII).contains("-----BEGIN ")) {
            throw invalid(at + " is not a base64-encoded PEM block");
        }
        return base64;
    }

    /** A bearer token becomes a header: a control character would make the HTTP client quote it in an error. */
    private static String token(String token, String at) throws SiteConfigException {
        if (token.length() > MAX_TOKEN || !token.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw invalid(at + " is not a bearer token (printable ASCII without spaces, at most " + MAX_TOKEN + " characters)");
        }
        return token;
    }

    /** Names from the kubeconfig are the author's text: bounded and stripped of anything unprintable. */
    private static String safeName(String name) {
        String printable = name.replaceAll("[^A-Za-z0-9._@:/-]", "?");
        return printable.length() > 63 ? printable.substring(0, 63) + "…" : printable;
    }

    private static SiteConfigException invalid(String why) {
        return new SiteConfigException(Reasons.INVALID_KUBECONFIG, why);
    }
}
