package io.pilotlight.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

    @ParameterizedTest
    @ValueSource(strings = { "0 * * * *", "*/15 * * * *", "0 2 * * 1-5", "30 4 1,15 * *", "0 0 * JAN-MAR sun",
            "@daily", "@every 30m", "@every 1h30m", "CRON_TZ=Europe/Paris 0 3 * * *", "5-55/10 */2 ? * 7" })
    void acceptsWhatVeleroAccepts(String expression) {
        assertThat(CronSchedule.problem(expression)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 * * *|expected 5 fields",
            "0 0 0 * * *|expected 5 fields",
            "60 * * * *|invalid minute '60'",
            "0 24 * * *|invalid hour '24'",
            "0 0 0 * *|invalid day of month '0'",
            "0 0 * 13 *|invalid month '13'",
            "0 0 * FOO *|invalid month 'FOO'",
            "*/0 * * * *|a step must be a positive number",
            "0 5-2 * * *|the range starts after it ends",
            "@sometimes|unknown descriptor",
            "@every soon|unknown descriptor",
            "' '|the schedule is empty" })
    void explainsWhatIsWrong(String expression, String message) {
        assertThat(CronSchedule.problem(expression)).hasValueSatisfying(p -> assertThat(p).contains(message));
    }
}
