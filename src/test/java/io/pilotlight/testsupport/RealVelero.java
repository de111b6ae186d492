package io.pilotlight.testsupport;

import io.pilotlight.testsupport.LocalClusters.Site;
import java.time.Duration;

/**
 * A real Velero server on each test cluster ({@code hack/testenv/velero.sh}): namespace {@link #NAMESPACE},
 * an Available default BackupStorageLocation {@link #LOCATION} on both, sharing one S3Proxy bucket (the
 * standby's ReadOnly). Built on first use (or taken from the build {@code make test} started in the
 * background); started when not running and then stopped at JVM exit. One instance per JVM.
 */
public final class RealVelero {

    public static final String NAMESPACE = "velero";
    public static final String LOCATION = "default";

    private static RealVelero instance;

    private RealVelero() {
    }

    public static synchronized RealVelero get() {
        if (instance == null) {
            LocalClusters.get();
            // Waits on the lock of a build already running, then finds the binaries cached.
            Scripts.run(Duration.ofMinutes(45), "build-velero.sh");
            boolean wasUp = !Scripts.run(Duration.ofSeconds(30), "velero.sh", "status").contains("down");
            instance = new RealVelero();
            instance.ensureUp();
            if (!wasUp && System.getenv("PILOTLIGHT_KEEP_CLUSTERS") == null) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> Scripts.run(Duration.ofMinutes(1), "velero.sh", "down"), "velero-down"));
            }
        }
        return instance;
    }

    /** Starts whatever of S3Proxy and the two servers is not running (a server may exit while its API server is down). */
    public void ensureUp() {
        Scripts.run(Duration.ofMinutes(3), "velero.sh", "up");
    }

    /** Restarts one site's server: at start Velero syncs the bucket's backups and looks at its Schedules, not only once a minute. */
    public void restart(Site site) {
        Scripts.run(Duration.ofMinutes(2), "velero.sh", "restart", site.siteName());
    }

    /** The last lines of one site's server log, for failure reports. */
    public String logTail(Site site, int lines) {
        return TestClusters.tail(Scripts.repo().resolve(".local/velero").resolve(site.siteName() + ".log"), lines);
    }
}
