package io.pilotlight.traffic;

import io.pilotlight.core.SiteRole;
import java.util.Optional;

/**
 * Where traffic goes now, as the provider sees it: for the plan's status and drift detection.
 *
 * @param location which site, if one can be told
 * @param detail a sentence with what was observed (object, record, values), for a person
 */
public record TrafficState(Location location, String detail) {

    public enum Location {
        /** Everything the provider controls sends traffic to the primary. */
        PRIMARY,
        /** Everything the provider controls sends traffic to the standby. */
        STANDBY,
        /** Neither: the object or record is missing, or it sends traffic elsewhere or to both sites. */
        UNKNOWN,
        /** No traffic provider is configured: traffic is switched by someone else. */
        NOT_MANAGED
    }

    public static TrafficState at(SiteRole role, String detail) {
        return new TrafficState(role == SiteRole.PRIMARY ? Location.PRIMARY : Location.STANDBY, detail);
    }

    public static TrafficState unknown(String detail) {
        return new TrafficState(Location.UNKNOWN, detail);
    }

    /** The site traffic goes to, when it is one of the two. */
    public Optional<SiteRole> site() {
        return switch (location) {
            case PRIMARY -> Optional.of(SiteRole.PRIMARY);
            case STANDBY -> Optional.of(SiteRole.STANDBY);
            default -> Optional.empty();
        };
    }

    public boolean isAt(SiteRole role) {
        return site().filter(role::equals).isPresent();
    }
}
