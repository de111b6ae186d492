package io.pilotlight.util;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the way Kubernetes and Velero users write them ({@code 30s}, {@code 1h30m},
 * {@code 720h}): Go's {@code time.ParseDuration} syntax, which the CRD schema already enforces.
 */
public final class GoDurations {

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|ms|s|m|h)");

    private GoDurations() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        Matcher m = PART.matcher(text.strip());
        long nanos = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            nanos += new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))).longValueExact();
            end = m.end();
        }
        if (end == 0 || end != text.strip().length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 5m or 1h30m");
        }
        return Duration.ofNanos(nanos);
    }

    /** The shortest readable form: 90s -> "1m30s", 3600s -> "1h". */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (sec > 0) {
            out.append(sec).append('s');
        }
        return out.toString();
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
    }
}
