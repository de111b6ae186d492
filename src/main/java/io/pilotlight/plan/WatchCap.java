package io.pilotlight.plan;

import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanSpec;
import io.pilotlight.config.OperatorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The sync watches each protected kind in each protected namespace of the source site: one plan
 * must not open so many watches that the site's API server, shared with other plans and users,
 * suffers (and, with autoFailover, a healthy primary is fenced for being slow).
 */
@ApplicationScoped
public class WatchCap {

    private final int max;

    public WatchCap(OperatorSettings settings) {
        this.max = settings.security().maxWatchesPerPlan();
    }

    /**
     * Why the plan opens too many watches, or empty when it does not.
     *
     * @param namespaces the protected namespaces, or null when unknown (nothing to say then)
     */
    public Optional<String> excess(DisasterRecoveryPlanSpec spec, List<String> namespaces) {
        if (namespaces == null || spec.getProtect().getResources() == null) {
            return Optional.empty();
        }
        int kinds = spec.getProtect().getResources().size();
        long watches = (long) namespaces.size() * kinds;
        if (watches <= max) {
            return Optional.empty();
        }
        return Optional.of("spec.protect selects " + namespaces.size() + " namespaces × " + kinds + " kinds = " + watches
                + " watches on the source site, more than the " + max + " this operator allows one plan"
                + " (pilotlight.security.max-watches-per-plan): protect fewer namespaces or kinds, or split the plan; nothing is synced");
    }
}
