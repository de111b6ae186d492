package io.pilotlight.operator;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.pilotlight.config.OperatorSettings;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Leader election for the operator's Deployment: only the holder of the Lease
 * {@code pilotlight-operator} (a shard's: {@code pilotlight-operator-<shard>}) reconciles, so an upgrade or a second replica never has two operators
 * writing the same Schedules and status. Quarkus Operator SDK uses it in the prod profile; a local
 * run outside a cluster sets {@code pilotlight.leader-election.enabled=false}, since JOSDK cannot
 * infer the Lease's namespace there.
 */
public class LeaderElection {

    private static final Logger LOG = Logger.getLogger(LeaderElection.class);
    static final String LEASE = "pilotlight-operator";

    @Produces
    @Dependent
    LeaderElectionConfiguration leaderElection(OperatorSettings settings) {
        if (!settings.leaderElection().enabled()) {
            return null; // Quarkus Operator SDK then runs without leader election
        }
        var election = settings.leaderElection();
        if (election.renewDeadline().compareTo(election.leaseDuration()) >= 0) {
            throw new IllegalArgumentException("pilotlight.leader-election.renew-deadline (" + election.renewDeadline()
                    + ") must be shorter than pilotlight.leader-election.lease-duration (" + election.leaseDuration() + ")");
        }
        String lease = settings.shard().name().map(n -> LEASE + "-" + n).orElse(LEASE);
        settings.shard().selector().ifPresent(s -> LOG.infof("shard %s: the plans and Failovers labelled %s, Lease %s",
                settings.shard().name().orElse("(unnamed)"), s, lease));
        return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(lease)
                .withLeaseNamespace(election.leaseNamespace().orElse(null)) // null: the ServiceAccount's namespace in a Pod
                .withLeaseDuration(election.leaseDuration())
                .withRenewDeadline(election.renewDeadline())
                .withRetryPeriod(election.retryPeriod())
                .withIdentity(System.getenv("HOSTNAME")) // the Pod's name
                // JOSDK 5.2.1 calls System.exit() when it stops leading, also from the JVM's shutdown hook,
                // which deadlocks the shutdown (java-operator-sdk#1614, #3376): stop ourselves instead.
                .withExitOnStopLeading(false)
                .withLeaderCallbacks(new LeaderCallbacks(() -> LOG.info("leading: reconciling from now on"),
                        LeaderElection::stoppedLeading, leader -> LOG.infof("the leader is %s", leader)))
                .build();
    }

    /** A lease lost while running: halt at once so that two replicas never reconcile together. */
    private static void stoppedLeading() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe); // throws while the JVM already shuts down
            Runtime.getRuntime().removeShutdownHook(probe);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        LOG.error("lost the leader lease while running: stopping so that another replica takes over");
        Runtime.getRuntime().halt(1);
    }
}
