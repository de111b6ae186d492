package io.pilotlight.plan;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.plan.ProtectSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.TreeSet;

/** The namespaces a plan protects on a site: those it names plus those its selector matches there. */
@ApplicationScoped
public class ProtectedNamespaces {

    public List<String> resolve(KubernetesClient site, ProtectSpec protect) {
        TreeSet<String> names = new TreeSet<>();
        if (protect.getNamespaces() != null) {
            names.addAll(protect.getNamespaces());
        }
        if (protect.getNamespaceSelector() != null) {
            site.namespaces().withLabelSelector(protect.getNamespaceSelector()).list().getItems().stream()
                    .map(Namespace::getMetadata).map(m -> m.getName()).forEach(names::add);
        }
        return List.copyOf(names);
    }
}
