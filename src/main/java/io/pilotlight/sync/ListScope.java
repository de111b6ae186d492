package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.core.SyncKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Whether a site's identity may list and watch a kind in every namespace, so that one request per kind
 * reads all the protected namespaces (lists and watches grow with the kinds, not kinds x namespaces).
 * Asked once per kind and site per session (a SelfSubjectAccessReview, which every authenticated user
 * may make); a refusal or a failed review keeps the per-namespace path, which is all that an identity
 * confined to its namespaces (an impersonated plan identity) can use. A single namespace is always read
 * in place: one request either way, and no other namespace's objects cross the wire.
 */
final class ListScope {

    private static final Logger LOG = Logger.getLogger(ListScope.class);

    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    /** Whether the kind is read cluster-wide on the site for these namespaces. */
    boolean clusterWide(Site site, SyncKind kind, List<String> namespaces) {
        if (namespaces.size() < 2) {
            return false;
        }
        return answers.computeIfAbsent(site.role() + "/" + kind.label(), k -> allowed(site, kind, "list") && allowed(site, kind, "watch"));
    }

    /** Forgets the answers, so that a role granted or taken away since is asked about again. */
    void forget() {
        answers.clear();
    }

    private static boolean allowed(Site site, SyncKind kind, String verb) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                .withGroup(kind.group()).withResource(kind.plural()).withVerb(verb).endResourceAttributes().endSpec().build();
        try {
            SelfSubjectAccessReview answer = site.client().authorization().v1().selfSubjectAccessReview().create(review);
            return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
        } catch (KubernetesClientException e) {
            LOG.debugf("%s: reading %s in place: %s", site.on(), kind, Site.describe("an access review", e));
            return false;
        }
    }
}
