package io.pilotlight.testsupport;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.testsupport.LocalClusters.Site;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives each test a {@link TestClusters} parameter: both local clusters (started when they are not
 * up, shared by every test class of the run) and a fresh namespace on both, deleted afterwards.
 * When a test fails, prints the namespace's events on both sites, whatever the test registered with
 * {@link TestClusters#onFailure}, and the tail of the control planes' logs.
 */
public class ClustersExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(ClustersExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalClusters.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String base = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String name = "t-" + base.substring(0, Math.min(base.length(), 40)) + "-" + UUID.randomUUID().toString().substring(0, 6);
        TestClusters test = new TestClusters(LocalClusters.get(), name);
        for (Site site : Site.values()) {
            test.client(site).namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                    .create();
        }
        context.getStore(STORE).put(TestClusters.class, test);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestClusters test = context.getStore(STORE).remove(TestClusters.class, TestClusters.class);
        if (test == null) {
            return;
        }
        for (Site site : Site.values()) {
            test.client(site).namespaces().withName(test.namespace()).delete();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestClusters.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(STORE).get(TestClusters.class, TestClusters.class);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        TestClusters test = context.getStore(STORE).get(TestClusters.class, TestClusters.class);
        if (test != null) {
            System.err.println(report(test, context.getDisplayName()));
        }
        throw failure;
    }

    private static String report(TestClusters test, String testName) {
        StringBuilder out = new StringBuilder("\n===== diagnostics for failed test " + testName + " (namespace " + test.namespace() + ") =====\n");
        for (Supplier<String> extra : test.diagnostics()) {
            out.append(safely(extra)).append('\n');
        }
        for (Site site : Site.values()) {
            out.append("--- events on ").append(site.siteName()).append(" ---\n").append(safely(() -> events(test.client(site), test.namespace())));
        }
        if (test.clusters().isLocal()) {
            for (Site site : Site.values()) {
                for (String component : new String[] { "kube-apiserver", "kube-controller-manager" }) {
                    out.append("--- ").append(site.siteName()).append('/').append(component).append(" log tail ---\n")
                            .append(test.clusters().logTail(site, component, 20)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String events(KubernetesClient client, String namespace) {
        StringBuilder out = new StringBuilder();
        client.v1().events().inNamespace(namespace).list().getItems().stream()
                .sorted(Comparator.comparing(e -> String.valueOf(e.getLastTimestamp())))
                .forEach(e -> out.append(line(e)).append('\n'));
        return out.toString();
    }

    private static String line(Event e) {
        return String.format("%s %s %s/%s %s: %s (x%s)", e.getLastTimestamp(), e.getType(), e.getInvolvedObject().getKind(),
                e.getInvolvedObject().getName(), e.getReason(), e.getMessage(), e.getCount());
    }

    private static String safely(Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return "(could not collect: " + e.getMessage() + ")";
        }
    }
}
