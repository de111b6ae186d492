package io.pilotlight.sync;

import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.core.SyncKind;
import java.util.List;
import java.util.Optional;

/**
 * One plan must not open so many watches on its source site that the site's API server, shared with
 * other plans and users, suffers (and, with autoFailover, a healthy primary is fenced for being slow).
 * The watches are counted as the sync opens them: one per kind that the source's identity may list and
 * watch in every namespace ({@link ListScope}), one per kind and namespace otherwise; so a plan of many
 * namespaces is refused only where its identity is confined to them.
 */
final class WatchBudget {

    private final int max;

    /** @param max {@code pilotlight.security.max-watches-per-plan} */
    WatchBudget(int max) {
        this.max = max;
    }

    /** Why the sync would open too many watches (Periodic: requests per full pass), or empty when it would not. */
    Optional<String> excess(Site source, List<SyncKind> kinds, List<String> namespaces, ListScope scope, SyncMode mode) {
        if ((long) kinds.size() * namespaces.size() <= max) {
            return Optional.empty(); // within the budget even read per namespace: no access review needed
        }
        int everywhere = 0;
        for (SyncKind kind : kinds) {
            if (scope.clusterWide(source, kind, namespaces)) {
                everywhere++;
            }
        }
        int inPlace = kinds.size() - everywhere;
        long watches = (long) inPlace * namespaces.size() + everywhere;
        if (watches <= max) {
            return Optional.empty();
        }
        String what = mode == SyncMode.PERIODIC ? " lists each full pass" : " watches";
        return Optional.of("spec.protect selects " + namespaces.size() + " namespaces × " + inPlace + " kinds"
                + (everywhere > 0 ? " + " + everywhere + " kind(s) read cluster-wide" : "") + " = " + watches + what + " "
                + source.on() + ", more than the " + max + " this operator allows one plan (pilotlight.security.max-watches-per-plan): "
                + "let its identity there list and watch those kinds in every namespace (one watch each), protect fewer namespaces"
                + " or kinds, or split the plan; nothing is synced (checked again every sync.interval)");
    }
}
