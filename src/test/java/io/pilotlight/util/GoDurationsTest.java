package io.pilotlight.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationsTest {

    @Test
    void parsesGoDurations() {
        assertThat(GoDurations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(GoDurations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDurations.parse("720h")).isEqualTo(Duration.ofDays(30));
        assertThat(GoDurations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(GoDurations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "10", "5 m", "1d", "m5", "1h 30m", "-5s" })
    void rejectsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> GoDurations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsShortestForm() {
        assertThat(GoDurations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(GoDurations.format(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(GoDurations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(GoDurations.format(Duration.ofSeconds(3725))).isEqualTo("1h2m5s");
    }
}
