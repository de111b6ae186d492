package io.pilotlight.core.clusters;

import io.fabric8.kubernetes.client.VersionInfo;

/** What one probe of a site found: reachable with its version, or why not. */
public record SiteHealth(boolean reachable, VersionInfo version, String problem) {

    static SiteHealth reachable(VersionInfo version) {
        return new SiteHealth(true, version, null);
    }

    static SiteHealth unreachable(String problem) {
        return new SiteHealth(false, null, problem);
    }

    /** The minor version as a number; providers append "+" (e.g. "34+"). -1 when unknown. */
    public int minor() {
        if (version == null || version.getMinor() == null) {
            return -1;
        }
        String digits = version.getMinor().replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }

    public String gitVersion() {
        return version == null ? "unknown" : version.getGitVersion();
    }
}
