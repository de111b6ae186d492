package io.pilotlight.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a schedule fires next, against robfig/cron's answers (Velero's parser), from a fixed clock. */
class CronTimesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "* * * * *|2026-12-02T02:30:15Z|2026-12-02T02:31:00Z",
            "* * * * *|2026-12-02T02:30:00Z|2026-12-02T02:31:00Z",
            "*/15 * * * *|2026-12-02T02:31:00Z|2026-12-02T02:45:00Z",
            "0 2 * * *|2026-12-02T02:00:00Z|2026-12-03T02:00:00Z",
            "0 3 * * 1-5|2026-12-04T04:00:00Z|2026-12-07T03:00:00Z",
            "30 4 1,15 * *|2026-12-15T05:00:00Z|2027-01-01T04:30:00Z",
            "0 0 * JAN-MAR sun|2026-12-02T00:00:00Z|2027-01-03T00:00:00Z",
            "0 0 13 * 5|2026-12-02T00:00:00Z|2026-12-04T00:00:00Z",
            "0 12 * * 7|2026-12-02T00:00:00Z|2026-12-06T12:00:00Z",
            "5/20 * * * *|2026-12-02T02:46:00Z|2026-12-02T03:05:00Z",
            "@hourly|2026-12-02T02:30:00Z|2026-12-02T03:00:00Z",
            "@weekly|2026-12-02T02:30:00Z|2026-12-06T00:00:00Z",
            "@every 90s|2026-12-02T02:30:00.700Z|2026-12-02T02:31:30Z",
            "CRON_TZ=Europe/Paris 0 3 * * *|2026-12-02T00:00:00Z|2026-12-02T02:00:00Z",
            "0 0 29 2 *|2026-03-01T00:00:00Z|2028-02-29T00:00:00Z" })
    void firesNextAt(String schedule, String now, String next) {
        CronSchedule.Cron cron = CronSchedule.parse(schedule).cron();
        assertThat(CronTimes.next(cron, Instant.parse(now))).isEqualTo(Instant.parse(next));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "0 0 30 2 *", "0 0 31 4,6,9,11 *" })
    void aScheduleOfNoDayNeverFires(String schedule) {
        assertThat(CronTimes.next(CronSchedule.parse(schedule).cron(), Instant.parse("2026-12-02T00:00:00Z"))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "CRON_TZ=Mars/Olympus 0 3 * * *|unknown time zone 'Mars/Olympus'" })
    void refusesAnUnknownZone(String schedule, String message) {
        assertThat(CronSchedule.problem(schedule)).contains(message);
    }
}
