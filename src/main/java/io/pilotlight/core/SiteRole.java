package io.pilotlight.core;

/** Which of a plan's two sites: the one declared as {@code primary} or the one declared as {@code standby}. */
public enum SiteRole {
    PRIMARY("primary"),
    STANDBY("standby");

    private final String value;

    SiteRole(String value) {
        this.value = value;
    }

    /** The other site. */
    public SiteRole other() {
        return this == PRIMARY ? STANDBY : PRIMARY;
    }

    @Override
    public String toString() {
        return value;
    }
}
