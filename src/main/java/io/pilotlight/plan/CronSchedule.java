package io.pilotlight.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a backup schedule the way Velero will parse it (standard five-field cron with month and
 * weekday names, an optional {@code CRON_TZ=}/{@code TZ=} prefix, and the {@code @hourly}-style
 * descriptors including {@code @every <duration>}), so a typo is reported on the plan instead of
 * as a Velero Schedule stuck in FailedValidation.
 */
public final class CronSchedule {

    private static final List<String> DESCRIPTORS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");
    private static final Pattern EVERY = Pattern.compile("@every\\s+([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+");
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

    private CronSchedule() {
    }

    /** Empty when the expression is valid, otherwise what is wrong with it. */
    public static Optional<String> problem(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.of("the schedule is empty");
        }
        String spec = expression.strip();
        if (spec.startsWith("CRON_TZ=") || spec.startsWith("TZ=")) {
            int space = spec.indexOf(' ');
            if (space < 0) {
                return Optional.of("a time zone prefix must be followed by a schedule");
            }
            spec = spec.substring(space + 1).strip();
        }
        if (spec.startsWith("@")) {
            return DESCRIPTORS.contains(spec) || EVERY.matcher(spec).matches() ? Optional.empty()
                    : Optional.of("unknown descriptor '" + spec + "' (use @hourly, @daily, @weekly, @monthly, @yearly or @every <duration>)");
        }
        String[] parts = spec.split("\\s+");
        if (parts.length != FIELDS.length) {
            return Optional.of("expected 5 fields (minute hour day-of-month month day-of-week), found " + parts.length);
        }
        for (int i = 0; i < parts.length; i++) {
            Optional<String> p = fieldProblem(parts[i], FIELDS[i]);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fieldProblem(String text, Field field) {
        for (String item : text.split(",", -1)) {
            String range = item;
            if (item.contains("/")) {
                String[] stepped = item.split("/", -1);
                if (stepped.length != 2 || !isNumber(stepped[1]) || Integer.parseInt(stepped[1]) == 0) {
                    return bad(field, item, "a step must be a positive number");
                }
                range = stepped[0];
            }
            if (range.equals("*") || range.equals("?")) {
                continue;
            }
            String[] bounds = range.split("-", -1);
            if (bounds.length > 2) {
                return bad(field, item, "a range has one '-'");
            }
            int low = value(bounds[0], field);
            int high = bounds.length == 2 ? value(bounds[1], field) : low;
            if (low < 0 || high < 0) {
                return bad(field, item, "values go from " + field.min() + " to " + field.max());
            }
            if (low > high) {
                return bad(field, item, "the range starts after it ends");
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
