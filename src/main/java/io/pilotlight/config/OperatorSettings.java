package io.pilotlight.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of the operator, under {@code pilotlight.}; application.properties documents each one. */
@ConfigMapping(prefix = "pilotlight")
public interface OperatorSettings {

    Security security();

    Sync sync();

    LeaderElection leaderElection();

    Actions actions();

    Shard shard();

    /**
     * One operator Deployment's share of the plans: its controllers take only the plans and Failovers
     * whose labels match {@code selector} (application.properties hands it to JOSDK's controller
     * selector), and it leads with a Lease of its own, {@code pilotlight-operator-<name>}, so shards do
     * not stand in for one another. Unset: every plan, the Lease {@code pilotlight-operator}.
     */
    interface Shard {

        Optional<String> name();

        /** A Kubernetes label selector, e.g. {@code pilotlight.io/shard=a}. */
        Optional<String> selector();
    }

    /** Failover actions (a plan's spec.failover.waves[].before/after and friends). */
    interface Actions {

        /**
         * Hosts an httpGet action may call, compared exactly (case-insensitive), without port. Unset: none,
         * since a plan author could otherwise make the operator call any address it reaches.
         */
        Optional<List<String>> allowedHosts();

        default boolean allows(String host) {
            return host != null && allowedHosts().map(list -> list.stream().anyMatch(host::equalsIgnoreCase)).orElse(false);
        }
    }

    /** Who a plan acts as; see SECURITY.md. */
    interface Security {

        /** The namespace the operator runs in: never protected, and trusted unless trusted-namespaces says otherwise. */
        @WithDefault("pilotlight-system")
        String operatorNamespace();

        /**
         * Namespaces whose plans act with the operator's own identity in its cluster; {@code *} for every namespace
         * (a single-tenant cluster). Unset: the operator's namespace only.
         */
        Optional<List<String>> trustedNamespaces();

        /** ServiceAccount impersonated for plans that name none (as Flux's --default-service-account); unset: they must name one. */
        Optional<String> defaultServiceAccount();

        /**
         * Most watches one plan's sync may open on its source site: one per kind its identity there may list and watch in
         * every namespace, one per kind and protected namespace otherwise; beyond it the sync does not start.
         */
        @WithDefault("2000")
        int maxWatchesPerPlan();

        default boolean trusts(String namespace) {
            return trustedNamespaces().map(list -> list.contains("*") || list.contains(namespace))
                    .orElse(operatorNamespace().equals(namespace));
        }
    }

    /** The standby sync: one coordinator thread per plan, the writes of all plans on a shared pool. */
    interface Sync {

        @WithDefault("8")
        int writerThreads();

        /** Writes in flight per plan, at most writer-threads. */
        @WithDefault("8")
        int parallelWrites();

        /** Changes queued per plan; beyond it a full resync catches up. */
        @WithDefault("10000")
        int queueCapacity();
    }

    interface LeaderElection {

        @WithDefault("true")
        boolean enabled();

        /** Unset: the ServiceAccount's namespace in a Pod. */
        Optional<String> leaseNamespace();

        /** How long a Lease not renewed holds: the longest time without a leader after the leader dies. */
        @WithDefault("15s")
        Duration leaseDuration();

        /**
         * How long the leader tries to renew before it gives up and stops (shorter than the lease duration):
         * raise it with the lease duration where the operator's API server may answer slowly.
         */
        @WithDefault("10s")
        Duration renewDeadline();

        /** How often a replica tries to take or renew the Lease. */
        @WithDefault("2s")
        Duration retryPeriod();
    }
}
