package io.pilotlight.traffic;

/** A plan that may not switch its traffic object: every call says why, and nothing is read or written. */
final class RefusedTrafficSwitch implements TrafficSwitch {

    private final String reason;
    private final String why;

    RefusedTrafficSwitch(String reason, String why) {
        this.reason = reason;
        this.why = why;
    }

    @Override
    public String describe() {
        return "traffic switch refused";
    }

    @Override
    public SwitchResult switchTo(TrafficTarget target) throws TrafficSwitchException {
        throw new TrafficSwitchException(reason, why);
    }

    @Override
    public TrafficState current() throws TrafficSwitchException {
        throw new TrafficSwitchException(reason, why);
    }
}
