package io.pilotlight.failover.actions;

/** Where an action runs: the site taking over, or the site being left (before a Planned quiesce). */
public enum ActionSite {
    TARGET, SOURCE
}
