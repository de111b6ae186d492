package io.pilotlight.util;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Fixed sentences for what went wrong talking to a remote server. A site's API server may be run
 * by a plan's author, so its answers (Status messages, bodies) and the exception texts built from
 * them or from the request (an Authorization header quoted by the HTTP client) must never reach
 * status, Events or logs: only the HTTP code and the kind of failure do.
 */
public final class RemoteErrors {

    private RemoteErrors() {
    }

    /** E.g. "HTTP 403 (Forbidden)", "connection refused", "no answer in time", "TLS failed". */
    public static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getCode() > 0) {
                return http(k.getCode());
            }
            String kind = kind(t);
            if (kind != null) {
                return kind;
            }
        }
        return "request failed (" + error.getClass().getSimpleName() + ")";
    }

    /**
     * Whether the error came from talking to a server (its text may quote the server or the request), as
     * opposed to a bug of ours, whose stack trace may be logged.
     */
    public static boolean fromRemote(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** "HTTP 404 (Not Found)": the standard phrase of the code, never the server's own text. */
    public static String http(int code) {
        String phrase = switch (code) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized: the credentials were refused";
            case 403 -> "Forbidden: the identity lacks an RBAC permission";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 422 -> "Unprocessable Entity: the object was refused by validation";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> code >= 500 ? "server error" : code >= 400 ? "client error" : "unexpected answer";
        };
        return "HTTP " + code + " (" + phrase + ")";
    }

    private static String kind(Throwable t) {
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return "connection refused";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host";
        }
        if (t instanceof SSLException) {
            return "TLS failed (certificate not trusted, or handshake refused)";
        }
        if (t instanceof TimeoutException || t instanceof InterruptedIOException) {
            return "no answer in time";
        }
        return null;
    }
}
