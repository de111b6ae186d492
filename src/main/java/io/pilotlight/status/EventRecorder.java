package io.pilotlight.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.util.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jboss.logging.Logger;

/**
 * The one place Pilotlight emits Kubernetes Events. Event names are derived from the object, the
 * reason and the message, so a repeat of the same event bumps its count instead of piling up new
 * objects. Recording never fails a reconcile: an API error is logged and dropped.
 */
@ApplicationScoped
public class EventRecorder {

    private static final Logger LOG = Logger.getLogger(EventRecorder.class);
    static final String COMPONENT = "pilotlight-operator";

    public enum Type {
        Normal, Warning
    }

    private final KubernetesClient client;

    public EventRecorder(KubernetesClient client) {
        this.client = client;
    }

    public void normal(HasMetadata about, String reason, String message) {
        record(about, Type.Normal, reason, message);
    }

    public void warning(HasMetadata about, String reason, String message) {
        record(about, Type.Warning, reason, message);
    }

    public void record(HasMetadata about, Type type, String reason, String message) {
        String namespace = about.getMetadata().getNamespace();
        String name = eventName(about, type, reason, message);
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        try {
            var events = client.v1().events().inNamespace(namespace);
            Event existing = events.withName(name).get();
            if (existing != null) {
                existing.setCount(existing.getCount() == null ? 2 : existing.getCount() + 1);
                existing.setLastTimestamp(now);
                events.resource(existing).update();
                return;
            }
            events.resource(new EventBuilder()
                    .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                    .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(about.getApiVersion())
                            .withKind(about.getKind()).withName(about.getMetadata().getName()).withNamespace(namespace)
                            .withUid(about.getMetadata().getUid()).withResourceVersion(about.getMetadata().getResourceVersion())
                            .build())
                    .withType(type.name()).withReason(reason).withMessage(truncate(message))
                    .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                    .withNewSource().withComponent(COMPONENT).endSource()
                    .withReportingComponent(COMPONENT)
                    .build()).create();
        } catch (KubernetesClientException e) {
            LOG.debugf("could not record event %s on %s/%s: HTTP %d", reason, namespace, about.getMetadata().getName(), e.getCode());
        }
    }

    static String eventName(HasMetadata about, Type type, String reason, String message) {
        String key = about.getMetadata().getUid() + "|" + type + "|" + reason + "|" + message;
        String name = about.getMetadata().getName();
        return (name.length() > 200 ? name.substring(0, 200) : name) + "." + Hashes.sha256Hex(key, 8);
    }

    private static String truncate(String message) {
        return message.length() <= 1024 ? message : message.substring(0, 1021) + "...";
    }
}
