package io.pilotlight.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanSpec;
import io.pilotlight.api.v1alpha1.plan.BackupPolicySpec;
import io.pilotlight.api.v1alpha1.plan.DrillPolicySpec;
import io.pilotlight.api.v1alpha1.plan.FailoverPolicySpec;
import io.pilotlight.api.v1alpha1.plan.KeepWarmSpec;
import io.pilotlight.api.v1alpha1.plan.PilotLightSpec;
import io.pilotlight.api.v1alpha1.plan.ProtectSpec;
import io.pilotlight.api.v1alpha1.plan.WaveSpec;
import io.pilotlight.core.ProtectedNamespaces;
import io.pilotlight.testsupport.TestSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlanValidatorTest {

    private final PlanValidator validator = new PlanValidator(new ProtectedNamespaces("pilotlight-system"), TestSettings.with(Map.of()));

    /** What the API server leaves after defaulting a minimal valid plan, as far as the validator reads it. */
    private static DisasterRecoveryPlanSpec spec() {
        DisasterRecoveryPlanSpec spec = new DisasterRecoveryPlanSpec();
        ProtectSpec protect = new ProtectSpec();
        protect.setNamespaces(new ArrayList<>(List.of("shop")));
        spec.setProtect(protect);
        BackupPolicySpec backup = new BackupPolicySpec();
        backup.setEnabled(true);
        backup.setVeleroNamespace("velero");
        backup.setSchedule("0 * * * *");
        spec.setBackup(backup);
        spec.setPilotLight(new PilotLightSpec());
        spec.setFailover(new FailoverPolicySpec());
        return spec;
    }

    @Test
    void validPlanHasNoProblems() {
        DisasterRecoveryPlanSpec spec = spec();
        spec.getBackup().setSchedule("CRON_TZ=Europe/Paris 30 2 * * MON-FRI");
        spec.getProtect().setNamespaceSelector(new LabelSelectorBuilder().withMatchLabels(Map.of("dr", "on"))
                .addToMatchExpressions(req("tier", "In", "web", "db"), req("legacy", "DoesNotExist")).build());
        spec.getProtect().setLabelSelector(new LabelSelectorBuilder().addToMatchExpressions(req("example.com/skip-dr", "NotIn", "true")).build());
        spec.getPilotLight().setKeepWarm(List.of(keepWarm(new LabelSelectorBuilder().withMatchLabels(Map.of("app.kubernetes.io/name", "db")).build())));
        spec.getFailover().setWaves(List.of(wave("data", new LabelSelectorBuilder().withMatchLabels(Map.of("tier", "db")).build()),
                wave("apps", new LabelSelector())));

        assertThat(validator.problems(spec)).isEmpty();
    }

    @Test
    void nothingButRequiredParts() {
        DisasterRecoveryPlanSpec spec = new DisasterRecoveryPlanSpec();
        ProtectSpec protect = new ProtectSpec();
        protect.setNamespaceSelector(new LabelSelectorBuilder().withMatchLabels(Map.of("dr", "on")).build());
        spec.setProtect(protect);

        assertThat(validator.problems(spec)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "every hour", "61 * * * *", "0 24 * * *", "* * * FOO *", "@fortnightly", "0 0 1-32 * *" })
    void badCronIsReportedWithTheFieldPath(String schedule) {
        DisasterRecoveryPlanSpec spec = spec();
        spec.getBackup().setSchedule(schedule);

        assertThat(validator.problems(spec)).singleElement().asString()
                .startsWith("spec.backup.schedule '" + schedule + "': ");
    }

    @Test
    void cronProblemSaysWhatIsWrong() {
        DisasterRecoveryPlanSpec spec = spec();
        spec.getBackup().setSchedule("61 * * * *");

        assertThat(validator.problems(spec)).containsExactly("spec.backup.schedule '61 * * * *': invalid minute '61': values go from 0 to 59");
    }

    @Test
    void aBadDrillScheduleIsReportedWithItsFieldPath() {
        DisasterRecoveryPlanSpec spec = spec();
        DrillPolicySpec drill = new DrillPolicySpec();
        drill.setSchedule("0 3 31 2-4 MON-FOO");
        spec.getFailover().setDrill(drill);

        assertThat(validator.problems(spec)).containsExactly(
                "spec.failover.drill.schedule '0 3 31 2-4 MON-FOO': invalid day of week 'MON-FOO': values go from 0 to 7");
    }

    @Test
    void badCronIsIgnoredWhenBackupsAreDisabled() {
        DisasterRecoveryPlanSpec spec = spec();
        spec.getBackup().setSchedule("every hour");
        spec.getBackup().setEnabled(false);

        assertThat(validator.problems(spec)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "kube-system", "kube-public", "kube-node-lease" })
    void systemNamespacesCannotBeProtected(String namespace) {
        DisasterRecoveryPlanSpec spec = spec();
        spec.getProtect().setNamespaces(List.of("shop", namespace));

        assertThat(validator.problems(spec))
                .containsExactly("spec.protect.namespaces: '" + namespace + "' belongs to the cluster itself and cannot be protected");
    }

    @Test
    void veleroNamespaceCannotBeProtected() {
        DisasterRecoveryPlanSpec spec = spec();
        spec.getProtect().setNamespaces(List.of("shop", "velero"));

        assertThat(validator.problems(spec))
                .containsExactly("spec.protect.namespaces: 'velero' is Velero's namespace (spec.backup.veleroNamespace)");
    }

    @Test
    void configuredVeleroNamespaceIsTheProtectedOne() {
        DisasterRecoveryPlanSpec spec = spec();
        spec.getBackup().setVeleroNamespace("openshift-adp");
        spec.getProtect().setNamespaces(List.of("velero", "openshift-adp"));

        assertThat(validator.problems(spec))
                .containsExactly("spec.protect.namespaces: 'openshift-adp' is Velero's namespace (spec.backup.veleroNamespace)");
    }

    @Test
    void severalProblemsAreAllReported() {
        DisasterRecoveryPlanSpec spec = spec();
        spec.getBackup().setSchedule("every hour");
        spec.getProtect().setNamespaces(List.of("kube-system", "velero"));
        spec.getFailover().setWaves(List.of(wave("apps", new LabelSelectorBuilder().addToMatchExpressions(req("tier", "In")).build())));

        assertThat(validator.problems(spec)).hasSize(4);
    }

    /** Where a selector sits in the spec, and how to put one there. */
    static List<Arguments> selectorFields() {
        return List.of(
                Arguments.of("spec.protect.namespaceSelector",
                        (BiConsumer<DisasterRecoveryPlanSpec, LabelSelector>) (s, sel) -> s.getProtect().setNamespaceSelector(sel)),
                Arguments.of("spec.protect.labelSelector",
                        (BiConsumer<DisasterRecoveryPlanSpec, LabelSelector>) (s, sel) -> s.getProtect().setLabelSelector(sel)),
                Arguments.of("spec.pilotLight.keepWarm[1].selector",
                        (BiConsumer<DisasterRecoveryPlanSpec, LabelSelector>) (s, sel) -> s.getPilotLight().setKeepWarm(List.of(
                                keepWarm(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "db")).build()), keepWarm(sel)))),
                Arguments.of("spec.failover.waves[1].selector",
                        (BiConsumer<DisasterRecoveryPlanSpec, LabelSelector>) (s, sel) -> s.getFailover().setWaves(List.of(
                                wave("data", new LabelSelectorBuilder().withMatchLabels(Map.of("tier", "db")).build()), wave("apps", sel)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectorFields")
    void unknownOperator(String field, BiConsumer<DisasterRecoveryPlanSpec, LabelSelector> set) {
        assertThat(problems(set, expressions(req("tier", "Equals", "db"))))
                .containsExactly(field + ".matchExpressions[0].operator: 'Equals' is not one of In, NotIn, Exists, DoesNotExist");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectorFields")
    void missingOperator(String field, BiConsumer<DisasterRecoveryPlanSpec, LabelSelector> set) {
        assertThat(problems(set, expressions(req("tier", null))))
                .containsExactly(field + ".matchExpressions[0].operator: 'null' is not one of In, NotIn, Exists, DoesNotExist");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectorFields")
    void inAndNotInNeedValues(String field, BiConsumer<DisasterRecoveryPlanSpec, LabelSelector> set) {
        assertThat(problems(set, expressions(req("tier", "In"), req("zone", "NotIn"))))
                .containsExactly(field + ".matchExpressions[0]: operator In needs at least one value",
                        field + ".matchExpressions[1]: operator NotIn needs at least one value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectorFields")
    void existsAndDoesNotExistTakeNoValues(String field, BiConsumer<DisasterRecoveryPlanSpec, LabelSelector> set) {
        assertThat(problems(set, expressions(req("tier", "Exists", "db"), req("zone", "DoesNotExist", "a"))))
                .containsExactly(field + ".matchExpressions[0]: operator Exists takes no values",
                        field + ".matchExpressions[1]: operator DoesNotExist takes no values");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectorFields")
    void invalidKeysAndValuesInExpressions(String field, BiConsumer<DisasterRecoveryPlanSpec, LabelSelector> set) {
        assertThat(problems(set, expressions(req("-tier", "Exists"), req("tier", "In", "db", "not valid"))))
                .containsExactly(field + ".matchExpressions[0].key: '-tier' is not a valid label key",
                        field + ".matchExpressions[1].values: 'not valid' is not a valid label value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectorFields")
    void invalidMatchLabels(String field, BiConsumer<DisasterRecoveryPlanSpec, LabelSelector> set) {
        assertThat(problems(set, new LabelSelectorBuilder().withMatchLabels(Map.of("Example.com/app", "x")).build()))
                .containsExactly(field + ".matchLabels: 'Example.com/app' is not a valid label key");
        assertThat(problems(set, new LabelSelectorBuilder().withMatchLabels(Map.of("app", "-x-")).build()))
                .containsExactly(field + ".matchLabels['app']: '-x-' is not a valid label value");
        assertThat(problems(set, new LabelSelectorBuilder().withMatchLabels(Map.of("app", "a".repeat(64))).build()))
                .containsExactly(field + ".matchLabels['app']: '" + "a".repeat(64) + "' is not a valid label value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectorFields")
    void validSelectorsPass(String field, BiConsumer<DisasterRecoveryPlanSpec, LabelSelector> set) {
        assertThat(problems(set, new LabelSelectorBuilder()
                .withMatchLabels(Map.of("app.kubernetes.io/name", "shop", "tier", "", "v", "1.2_3-a"))
                .addToMatchExpressions(req("a".repeat(63), "Exists"), req("example.com/zone", "In", "eu-west-1a"))
                .build())).isEmpty();
    }

    @Test
    void eachSelectorIsReportedAtItsOwnPath() {
        LabelSelector bad = expressions(req("tier", "In"));
        DisasterRecoveryPlanSpec spec = spec();
        spec.getProtect().setLabelSelector(bad);
        spec.getPilotLight().setKeepWarm(List.of(keepWarm(bad)));
        spec.getFailover().setWaves(List.of(wave("a", new LabelSelector()), wave("b", new LabelSelector()), wave("c", bad)));

        assertThat(validator.problems(spec)).containsExactly(
                "spec.protect.labelSelector.matchExpressions[0]: operator In needs at least one value",
                "spec.pilotLight.keepWarm[0].selector.matchExpressions[0]: operator In needs at least one value",
                "spec.failover.waves[2].selector.matchExpressions[0]: operator In needs at least one value");
    }

    private List<String> problems(BiConsumer<DisasterRecoveryPlanSpec, LabelSelector> set, LabelSelector selector) {
        DisasterRecoveryPlanSpec spec = spec();
        set.accept(spec, selector);
        return validator.problems(spec);
    }

    private static LabelSelector expressions(io.fabric8.kubernetes.api.model.LabelSelectorRequirement... requirements) {
        return new LabelSelectorBuilder().addToMatchExpressions(requirements).build();
    }

    private static io.fabric8.kubernetes.api.model.LabelSelectorRequirement req(String key, String operator, String... values) {
        return new LabelSelectorRequirementBuilder().withKey(key).withOperator(operator)
                .withValues(values.length == 0 ? null : Arrays.asList(values)).build();
    }

    private static KeepWarmSpec keepWarm(LabelSelector selector) {
        KeepWarmSpec k = new KeepWarmSpec();
        k.setSelector(selector);
        k.setReplicas(1);
        return k;
    }

    private static WaveSpec wave(String name, LabelSelector selector) {
        WaveSpec w = new WaveSpec();
        w.setName(name);
        w.setSelector(selector);
        return w;
    }
}
