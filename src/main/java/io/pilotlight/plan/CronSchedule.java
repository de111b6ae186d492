package io.pilotlight.plan;

import io.pilotlight.util.GoDurations;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A schedule the way Velero (robfig/cron) parses it: standard five-field cron with month and
 * weekday names, an optional {@code CRON_TZ=}/{@code TZ=} prefix, and the {@code @hourly}-style
 * descriptors including {@code @every <duration>}. The backup schedule is checked with it, so a typo
 * is reported on the plan instead of as a Velero Schedule stuck in FailedValidation; the drill
 * schedule is also evaluated with it ({@link CronTimes}).
 */
public final class CronSchedule {

    private static final Map<String, String> DESCRIPTORS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final Pattern EVERY = Pattern.compile("@every\\s+(([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)");
    private static final String[] MONTHS = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };
    private static final String[] DAYS = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };

    private record Field(String name, int min, int max, String[] names) {
    }

    private static final Field[] FIELDS = {
            new Field("minute", 0, 59, null),
            new Field("hour", 0, 23, null),
            new Field("day of month", 1, 31, null),
            new Field("month", 1, 12, MONTHS),
            new Field("day of week", 0, 7, DAYS),
    };

    /**
     * A parsed schedule: either an interval ({@code every}) or the allowed values of each field
     * (minute, hour, day of month, month, day of week with Sunday 0), in a time zone (UTC unless
     * prefixed). {@code dayStarred}: the day of month or of week is {@code *}, so both must match
     * (otherwise either may, as cron has it).
     */
    public record Cron(ZoneId zone, Duration every, List<BitSet> fields, boolean dayStarred) {
    }

    private CronSchedule() {
    }

    /** Empty when the expression is valid, otherwise what is wrong with it. */
    public static Optional<String> problem(String expression) {
        return parse(expression).problem();
    }

    /** The schedule, or what is wrong with it. */
    public static Parsed parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return Parsed.bad("the schedule is empty");
        }
        String spec = expression.strip();
        ZoneId zone = ZoneOffset.UTC;
        if (spec.startsWith("CRON_TZ=") || spec.startsWith("TZ=")) {
            int space = spec.indexOf(' ');
            if (space < 0) {
                return Parsed.bad("a time zone prefix must be followed by a schedule");
            }
            try {
                zone = ZoneId.of(spec.substring(spec.indexOf('=') + 1, space));
            } catch (DateTimeException e) {
                return Parsed.bad("unknown time zone '" + spec.substring(spec.indexOf('=') + 1, space) + "'");
            }
            spec = spec.substring(space + 1).strip();
        }
        if (spec.startsWith("@")) {
            var every = EVERY.matcher(spec);
            if (every.matches()) {
                return new Parsed(new Cron(zone, GoDurations.parse(every.group(1)), List.of(), true), null);
            }
            if (!DESCRIPTORS.containsKey(spec)) {
                return Parsed.bad("unknown descriptor '" + spec + "' (use @hourly, @daily, @weekly, @monthly, @yearly or @every <duration>)");
            }
            spec = DESCRIPTORS.get(spec);
        }
        return fields(spec, zone);
    }

    /** A parse: the schedule, or the problem. */
    public record Parsed(Cron cron, String why) {
        static Parsed bad(String why) {
            return new Parsed(null, why);
        }

        public Optional<String> problem() {
            return Optional.ofNullable(why);
        }
    }

    private static Parsed fields(String spec, ZoneId zone) {
        String[] parts = spec.split("\\s+");
        if (parts.length != FIELDS.length) {
            return Parsed.bad("expected 5 fields (minute hour day-of-month month day-of-week), found " + parts.length);
        }
        BitSet[] values = new BitSet[FIELDS.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = new BitSet();
            Optional<String> p = field(parts[i], FIELDS[i], values[i]);
            if (p.isPresent()) {
                return Parsed.bad(p.get());
            }
        }
        if (values[4].get(7)) {
            values[4].set(0);
        }
        boolean starred = parts[2].startsWith("*") || parts[2].startsWith("?") || parts[4].startsWith("*") || parts[4].startsWith("?");
        return new Parsed(new Cron(zone, null, List.of(values), starred), null);
    }

    private static Optional<String> field(String text, Field field, BitSet values) {
        for (String item : text.split(",", -1)) {
            String range = item;
            int step = 1;
            if (item.contains("/")) {
                String[] stepped = item.split("/", -1);
                if (stepped.length != 2 || !isNumber(stepped[1]) || Integer.parseInt(stepped[1]) == 0) {
                    return bad(field, item, "a step must be a positive number");
                }
                range = stepped[0];
                step = Integer.parseInt(stepped[1]);
            }
            int low = field.min();
            int high = field.max();
            if (!range.equals("*") && !range.equals("?")) {
                String[] bounds = range.split("-", -1);
                if (bounds.length > 2) {
                    return bad(field, item, "a range has one '-'");
                }
                low = value(bounds[0], field);
                // "5/10" runs from 5 to the end, as in robfig/cron.
                high = bounds.length == 2 ? value(bounds[1], field) : item.contains("/") ? field.max() : low;
                if (low < 0 || high < 0) {
                    return bad(field, item, "values go from " + field.min() + " to " + field.max());
                }
                if (low > high) {
                    return bad(field, item, "the range starts after it ends");
                }
            }
            for (int v = low; v <= high; v += step) {
                values.set(v);
            }
        }
        return Optional.empty();
    }

    private static int value(String text, Field field) {
        if (field.names() != null) {
            String upper = text.toUpperCase(Locale.ROOT);
            for (int i = 0; i < field.names().length; i++) {
                if (field.names()[i].equals(upper)) {
                    return field.names() == MONTHS ? i + 1 : i;
                }
            }
        }
        if (!isNumber(text)) {
            return -1;
        }
        int v = Integer.parseInt(text);
        return v < field.min() || v > field.max() ? -1 : v;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 4 && s.chars().allMatch(Character::isDigit);
    }

    private static Optional<String> bad(Field field, String item, String why) {
        return Optional.of("invalid " + field.name() + " '" + item + "': " + why);
    }
}
