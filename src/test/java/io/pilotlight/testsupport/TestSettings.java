package io.pilotlight.testsupport;

import io.pilotlight.config.OperatorSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** The operator's settings as a unit test needs them: the defaults, with some properties set. */
public final class TestSettings {

    private TestSettings() {
    }

    public static OperatorSettings with(Map<String, String> properties) {
        // Quarkus' own converter, so that durations read as in the operator ("15s" as well as "PT15S").
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(OperatorSettings.class)
                .withConverter(Duration.class, 200, new DurationConverter()).withDefaultValues(properties).build();
        return config.getConfigMapping(OperatorSettings.class);
    }
}
