package io.pilotlight.traffic;

/**
 * What a {@link TrafficSwitch#switchTo} did, for a Failover step's message.
 *
 * @param changed whether anything was written; false when traffic already went to the target
 * @param message one or two sentences for a person, naming the object and the values
 */
public record SwitchResult(boolean changed, String message) {

    public static SwitchResult changed(String message) {
        return new SwitchResult(true, message);
    }

    public static SwitchResult unchanged(String message) {
        return new SwitchResult(false, message);
    }
}
