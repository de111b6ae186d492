package io.pilotlight.plan;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** When a {@link CronSchedule.Cron} fires next, as robfig/cron (Velero's) computes it. */
final class CronTimes {

    /** Five years of days: a schedule that matches no day in them (30 February) never fires. */
    private static final int MAX_DAYS = 5 * 366;

    private CronTimes() {
    }

    /** The first time strictly after {@code after} that the schedule fires; null when it never does. */
    static Instant next(CronSchedule.Cron cron, Instant after) {
        if (cron.every() != null) {
            // robfig/cron: @every counts from the last run, in whole seconds.
            return after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(Math.max(1, cron.every().toSeconds()));
        }
        ZonedDateTime t = after.atZone(cron.zone()).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusDays(MAX_DAYS);
        while (t.isBefore(limit)) {
            if (!cron.fields().get(3).get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(cron, t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!cron.fields().get(1).get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!cron.fields().get(0).get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t.toInstant();
            }
        }
        return null;
    }

    private static boolean dayMatches(CronSchedule.Cron cron, ZonedDateTime t) {
        boolean dom = cron.fields().get(2).get(t.getDayOfMonth());
        boolean dow = cron.fields().get(4).get(t.getDayOfWeek().getValue() % 7);
        return cron.dayStarred() ? dom && dow : dom || dow;
    }
}
