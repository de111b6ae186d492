package io.pilotlight.testsupport;

import io.pilotlight.config.OperatorSettings;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** The operator's settings as a unit test needs them: the defaults, with some properties set. */
public final class TestSettings {

    private TestSettings() {
    }

    public static OperatorSettings with(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(OperatorSettings.class).withDefaultValues(properties).build();
        return config.getConfigMapping(OperatorSettings.class);
    }
}
