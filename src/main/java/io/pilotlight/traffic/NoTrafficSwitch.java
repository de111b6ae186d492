package io.pilotlight.traffic;

/** The plan has no {@code spec.traffic} provider: someone else switches traffic; nothing to do. */
public final class NoTrafficSwitch implements TrafficSwitch {

    public static final String MESSAGE = "no traffic provider configured (spec.traffic is empty): switch traffic to the %s yourself";

    @Override
    public String describe() {
        return "no traffic provider";
    }

    @Override
    public SwitchResult switchTo(TrafficTarget target) {
        return SwitchResult.unchanged(String.format(MESSAGE, target.describe()));
    }

    @Override
    public TrafficState current() {
        return new TrafficState(TrafficState.Location.NOT_MANAGED, "no traffic provider configured");
    }
}
