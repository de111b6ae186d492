package io.pilotlight.status;

import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place conditions are written. {@code lastTransitionTime} moves only when a condition's
 * status really changes, so a reconcile that finds nothing new produces an identical status (and
 * no patch). Each call reports whether the status flipped, for the caller to record an Event.
 */
public final class Conditions {

    private Conditions() {
    }

    /** A change of one condition's status: what an Event should say. */
    public record Transition(String type, ConditionStatus from, ConditionStatus to, String reason, String message) {
    }

    /**
     * Sets a condition in the list (which is changed in place) and returns the transition when its
     * status changed, including a condition that did not exist before.
     */
    public static Optional<Transition> set(List<Condition> conditions, String type, ConditionStatus status, String reason,
            String message, Long generation, Instant now) {
        Condition existing = find(conditions, type).orElse(null);
        if (existing == null) {
            Condition c = new Condition();
            c.setType(type);
            c.setStatus(status);
            c.setReason(reason);
            c.setMessage(message);
            c.setObservedGeneration(generation);
            c.setLastTransitionTime(timestamp(now));
            conditions.add(c);
            return Optional.of(new Transition(type, null, status, reason, message));
        }
        ConditionStatus before = existing.getStatus();
        existing.setReason(reason);
        existing.setMessage(message);
        existing.setObservedGeneration(generation);
        if (before == status) {
            return Optional.empty();
        }
        existing.setStatus(status);
        existing.setLastTransitionTime(timestamp(now));
        return Optional.of(new Transition(type, before, status, reason, message));
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> Objects.equals(c.getType(), type)).findFirst();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(c -> c.getStatus() == ConditionStatus.TRUE).orElse(false);
    }

    public static void remove(List<Condition> conditions, String type) {
        conditions.removeIf(c -> Objects.equals(c.getType(), type));
    }

    /** A mutable copy (the status object read from the cache must not be changed in place). */
    public static List<Condition> copy(List<Condition> conditions) {
        List<Condition> out = new ArrayList<>();
        if (conditions != null) {
            for (Condition c : conditions) {
                Condition d = new Condition();
                d.setType(c.getType());
                d.setStatus(c.getStatus());
                d.setReason(c.getReason());
                d.setMessage(c.getMessage());
                d.setLastTransitionTime(c.getLastTransitionTime());
                d.setObservedGeneration(c.getObservedGeneration());
                out.add(d);
            }
        }
        return out;
    }

    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
