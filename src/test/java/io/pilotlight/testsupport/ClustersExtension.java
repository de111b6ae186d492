package io.pilotlight.testsupport;

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
 * When a test fails, prints {@link TestClusters#report}.
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
        context.getStore(STORE).put(TestClusters.class, TestClusters.open(context.getRequiredTestClass().getSimpleName()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestClusters test = context.getStore(STORE).remove(TestClusters.class, TestClusters.class);
        if (test != null) {
            test.close();
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
            System.err.println(test.report("failed test " + context.getDisplayName()));
        }
        throw failure;
    }
}
