package io.pilotlight.traffic;

import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.plan.SiteSpec;
import io.pilotlight.core.SiteRole;
import java.util.Objects;

/**
 * The site traffic should go to. The provider knows, from the plan's {@code spec.traffic}, what that
 * means for it (the DNSEndpoint targets, the HTTPRoute backend, the addresses of the DNS record).
 *
 * @param role primary or standby, as declared in the plan
 * @param siteName the site's name from the plan, used in messages
 */
public record TrafficTarget(SiteRole role, String siteName) {

    public TrafficTarget {
        Objects.requireNonNull(role, "role");
        if (siteName == null || siteName.isBlank()) {
            siteName = role.toString();
        }
    }

    public static TrafficTarget primary(String siteName) {
        return new TrafficTarget(SiteRole.PRIMARY, siteName);
    }

    public static TrafficTarget standby(String siteName) {
        return new TrafficTarget(SiteRole.STANDBY, siteName);
    }

    /** The given site of a plan, named as the plan names it. */
    public static TrafficTarget of(DisasterRecoveryPlan plan, SiteRole role) {
        SiteSpec site = plan.getSpec() == null ? null
                : role == SiteRole.PRIMARY ? plan.getSpec().getPrimary() : plan.getSpec().getStandby();
        return new TrafficTarget(role, site == null ? null : site.getName());
    }

    /** {@code standby site "dc2"}: how messages name the target. */
    public String describe() {
        return role + " site \"" + siteName + "\"";
    }
}
