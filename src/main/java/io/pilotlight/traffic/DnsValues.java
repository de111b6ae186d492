package io.pilotlight.traffic;

import io.pilotlight.api.v1alpha1.plan.DnsRecordType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.Address;

/**
 * Syntax and comparison of record data: IP address literals for A/AAAA, host names for CNAME.
 * Nothing here resolves a name: literals are parsed, never looked up.
 */
public final class DnsValues {

    private DnsValues() {
    }

    /** A dotted-quad IPv4 address: four decimal numbers 0-255, no leading zeros (as Kubernetes and Go read them). */
    public static boolean isIPv4(String s) {
        if (s == null) {
            return false;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An IPv6 address literal (RFC 4291 text forms, including an embedded IPv4 tail); no zone index, no brackets. */
    public static boolean isIPv6(String s) {
        return s != null && s.indexOf(':') >= 0 && s.indexOf('%') < 0 && s.indexOf('[') < 0
                && Address.toByteArray(s, Address.IPv6) != null;
    }

    /**
     * A host name: labels of letters, digits, '-' and '_' (not at a label's ends), 1-63 characters each,
     * at most 253 in all, optional final dot; the last label not all digits (so no mistyped IP address
     * passes as a name, RFC 3696 section 2).
     */
    public static boolean isHostname(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (name.isEmpty() || name.length() > 253 || isIPv4(name) || isIPv6(name)) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the value is valid record data for the type. */
    public static boolean isValid(DnsRecordType type, String value) {
        return switch (type) {
            case A -> isIPv4(value);
            case AAAA -> isIPv6(value);
            case CNAME -> isHostname(value);
        };
    }

    /** What the type expects, for messages: "an IPv4 address". */
    public static String expected(DnsRecordType type) {
        return switch (type) {
            case A -> "an IPv4 address";
            case AAAA -> "an IPv6 address";
            case CNAME -> "a host name";
        };
    }

    /**
     * The canonical text of a value, for comparisons: the shortest form of an address, a host name in
     * lower case without its final dot. A value that does not parse is compared as written.
     */
    public static String canonical(DnsRecordType type, String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        switch (type) {
            case A, AAAA -> {
                if (isIPv4(v) || isIPv6(v)) {
                    try {
                        return Address.getByAddress(v).getHostAddress();
                    } catch (UnknownHostException e) {
                        return v;
                    }
                }
                return v;
            }
            default -> {
                String lower = v.toLowerCase(Locale.ROOT);
                return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
            }
        }
    }

    /** The canonical values as a sorted set: record data is a set, order and repeats do not count. */
    public static Set<String> canonicalSet(DnsRecordType type, Collection<String> values) {
        Set<String> out = new TreeSet<>();
        if (values != null) {
            for (String v : values) {
                out.add(canonical(type, v));
            }
        }
        return out;
    }

    /** Whether two lists hold the same record data. */
    public static boolean sameData(DnsRecordType type, Collection<String> a, Collection<String> b) {
        return canonicalSet(type, a).equals(canonicalSet(type, b));
    }

    /** An address literal as an InetAddress, without any lookup. */
    static InetAddress literal(String value) throws UnknownHostException {
        return Address.getByAddress(value.trim());
    }

    /** A DNS name in lower case with its final dot, for comparisons of names. */
    public static String fqdn(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    /** "[a, b]" for messages. */
    static String list(Collection<String> values) {
        return values == null ? "[]" : List.copyOf(values).toString();
    }
}
