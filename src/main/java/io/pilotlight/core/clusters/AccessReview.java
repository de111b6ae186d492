package io.pilotlight.core.clusters;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.util.RemoteErrors;
import org.jboss.logging.Logger;

/**
 * Asks a site whether its identity may do something in every namespace (a SelfSubjectAccessReview, which
 * every authenticated user may make), so that one cluster-wide request can replace one per namespace
 * without a refused request showing up in the site's audit log.
 */
public final class AccessReview {

    private static final Logger LOG = Logger.getLogger(AccessReview.class);

    private AccessReview() {
    }

    /** Whether the identity may use the verb on the resource in every namespace; false also when the review fails. */
    public static boolean allowedEverywhere(KubernetesClient site, String group, String resource, String verb) {
        return allowed(site, group, resource, verb, null);
    }

    /** Whether the identity may use the verb on the resource in the namespace (null: every namespace); false also when the review fails. */
    public static boolean allowed(KubernetesClient site, String group, String resource, String verb, String namespace) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                .withGroup(group).withResource(resource).withVerb(verb).withNamespace(namespace).endResourceAttributes().endSpec().build();
        try {
            SelfSubjectAccessReview answer = site.authorization().v1().selfSubjectAccessReview().create(review);
            return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
        } catch (KubernetesClientException e) {
            LOG.debugf("an access review for %s %s failed, reading per namespace: %s", verb, resource, RemoteErrors.describe(e));
            return false;
        }
    }
}
