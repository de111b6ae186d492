package io.pilotlight.testsupport;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.testsupport.LocalClusters.Site;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What must hold after any fault scenario (issue 17), checked against both sites as they are, not
 * against what the operator says about them. Reusable by every fault test: give it the plan, the
 * protected namespaces, the namespaces to watch for collateral damage, the credentials that must not
 * leak, and where the operator's log is; take a {@link Snapshot} before the scenario; call
 * {@link #check} after it. Each check collects what it finds, and {@link #check} fails with all of it.
 * <ol>
 * <li>{@link #servesFromExactlyOneSite}: the workloads of the protected namespaces are scaled up (to the
 * replicas the application asked for) on the plan's active site and parked on the other; never both,
 * never neither. {@link ServingMonitor} samples the same while the scenario runs.</li>
 * <li>{@link #parkedCopyMatches}: once {@code StandbyInSync} is True, every protected object of the
 * active site has a copy on the parked site with the same content, except what the copy and parking
 * change (metadata the server owns, Pilotlight's own labels and annotations, status, replicas, a
 * CronJob's suspend, a Service's cluster IPs).</li>
 * <li>{@link #untouched}: every object Pilotlight neither created nor adopted (no {@code pilotlight.io/plan}
 * label) in the watched namespaces of both sites still exists with the same uid; its resourceVersion is
 * the same, except for the workloads a failover parks or resumes in place, whose content must be the same
 * but for what parking changes (replicas, suspend, a DaemonSet's node selector, {@code pilotlight.io/}
 * annotations).</li>
 * <li>{@link #stepsRanOnce}: the Failover took exactly the expected steps, in order, each recorded once,
 * finished once (one {@code StepSucceeded}/{@code StepSkipped} event, count 1), started again only where
 * the operator was killed before the start was saved; one Job per Job action; at most one Velero
 * Backup and Restore of the Failover.</li>
 * <li>{@link #noCredentials}: no credential of the kubeconfig Secrets (key, certificate, token; as base64
 * and decoded) in the operator's log, in the Events of either site, or in the Failovers' and plan's status.</li>
 * </ol>
 */
public final class Invariants {

    public static final String PLAN_LABEL = "pilotlight.io/plan";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    /** The kinds compared; Pods, ReplicaSets, Endpoints and Events come and go with the workloads. */
    public static final List<Kind> KINDS = List.of(new Kind("v1", "ConfigMap"), new Kind("v1", "Secret"), new Kind("v1", "Service"),
            new Kind("v1", "ServiceAccount"), new Kind("apps/v1", "Deployment"), new Kind("apps/v1", "StatefulSet"),
            new Kind("apps/v1", "DaemonSet"), new Kind("batch/v1", "CronJob"));
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "CronJob");
    private static final Set<String> SCALED = Set.of("Deployment", "StatefulSet");
    private static final Set<String> SERVER_ANNOTATIONS = Set.of("deployment.kubernetes.io/revision",
            "kubectl.kubernetes.io/last-applied-configuration");

    public record Kind(String apiVersion, String kind) {
    }

    private final Map<Site, KubernetesClient> clients;
    private final String planNamespace;
    private final String planName;
    private final Map<String, Site> siteNames;
    private final List<String> protectedNamespaces;
    private final List<String> watchedNamespaces;
    private final Map<String, Integer> replicas;
    private final List<String> credentials;
    private final Supplier<String> operatorLogs;

    /**
     * @param siteNames the plan's site names and which local cluster each is
     * @param protectedNamespaces the plan's protected namespaces (on both sites)
     * @param watchedNamespaces where nothing that is not Pilotlight's may change (include the protected
     *        ones, the plan's and any bystander's)
     * @param replicas the replicas each scalable workload ({@code Kind/name}) has when it serves
     * @param credentials the kubeconfig texts of the sites' Secrets, whose key, certificate and token
     *        data must never show
     */
    public Invariants(Map<Site, KubernetesClient> clients, String planNamespace, String planName, Map<String, Site> siteNames,
            List<String> protectedNamespaces, List<String> watchedNamespaces, Map<String, Integer> replicas, List<String> credentials,
            Supplier<String> operatorLogs) {
        this.clients = clients;
        this.planNamespace = planNamespace;
        this.planName = planName;
        this.siteNames = siteNames;
        this.protectedNamespaces = protectedNamespaces;
        this.watchedNamespaces = watchedNamespaces;
        this.replicas = replicas;
        this.credentials = secretsOf(credentials);
        this.operatorLogs = operatorLogs;
    }

    // ----------------------------------------------------------------------------------------------
    // Snapshot

    /** Every object without Pilotlight's plan label in the watched namespaces of both sites, and the namespaces. */
    public Snapshot snapshot() {
        Map<Site, Map<String, Map<String, Object>>> objects = new EnumMap<>(Site.class);
        for (Site site : Site.values()) {
            objects.put(site, snapshot(site));
        }
        return new Snapshot(objects, Map.of());
    }

    /**
     * @param changedByTest per site, the objects the scenario itself keeps changing (a load): for them
     *        {@link #untouched} checks only that they were not replaced and that Pilotlight never wrote them
     */
    public record Snapshot(Map<Site, Map<String, Map<String, Object>>> objects, Map<Site, Set<String>> changedByTest) {
        public int size() {
            return objects.values().stream().mapToInt(Map::size).sum();
        }

        /** This snapshot, with these objects of the site (keys {@code Kind/namespace/name}) changed by the scenario. */
        public Snapshot changedByTheTest(Site site, Collection<String> keys) {
            Map<Site, Set<String>> changed = new EnumMap<>(Site.class);
            changed.putAll(changedByTest);
            changed.merge(site, Set.copyOf(keys), (a, b) -> {
                Set<String> both = new TreeSet<>(a);
                both.addAll(b);
                return both;
            });
            return new Snapshot(objects, changed);
        }
    }

    // ----------------------------------------------------------------------------------------------
    // The checks

    /** Every check; fails with everything found. {@code failovers}: those of the scenario, with what each was expected to do. */
    public void check(Snapshot before, List<ExpectedRun> failovers, boolean drill) {
        List<String> problems = new ArrayList<>();
        problems.addAll(servesFromExactlyOneSite());
        problems.addAll(parkedCopyMatches());
        problems.addAll(untouched(before));
        for (ExpectedRun run : failovers) {
            problems.addAll(stepsRanOnce(run));
        }
        problems.addAll(noCredentials());
        if (!problems.isEmpty()) {
            throw new AssertionError("invariants violated:\n - " + String.join("\n - ", problems));
        }
    }

    /**
     * A Failover as the scenario expected it: the steps it must have taken, in order; the steps at
     * which the operator was killed before it saved the step's start (so the start may be announced
     * twice); how many Jobs its actions make.
     */
    public record ExpectedRun(String name, List<String> steps, Set<String> restartedBeforeSaved, int jobs) {
    }

    public Site activeSite() {
        DisasterRecoveryPlan plan = plan();
        String active = plan.getStatus() == null ? null : plan.getStatus().getActiveSite();
        return active == null ? Site.PRIMARY : Objects.requireNonNull(siteNames.get(active), "unknown active site " + active);
    }

    public List<String> servesFromExactlyOneSite() {
        List<String> problems = new ArrayList<>();
        Site active = activeSite();
        Site parked = other(active);
        Map<Site, Map<String, Integer>> seen = scaled();
        for (Map.Entry<String, Integer> want : replicas.entrySet()) {
            Integer up = seen.get(active).get(want.getKey());
            Integer down = seen.get(parked).get(want.getKey());
            if (!want.getValue().equals(up)) {
                problems.add(want.getKey() + " has " + up + " replicas on the active site " + active.siteName() + ", not " + want.getValue());
            }
            if (down == null || down != 0) {
                problems.add(want.getKey() + " has " + down + " replicas on the parked site " + parked.siteName() + ", not 0");
            }
        }
        for (String ns : protectedNamespaces) {
            for (GenericKubernetesResource cron : list(active, new Kind("batch/v1", "CronJob"), ns)) {
                if (Boolean.TRUE.equals(spec(cron).get("suspend"))) {
                    problems.add("CronJob " + ns + "/" + cron.getMetadata().getName() + " is suspended on the active site");
                }
            }
            for (GenericKubernetesResource cron : list(parked, new Kind("batch/v1", "CronJob"), ns)) {
                if (!Boolean.TRUE.equals(spec(cron).get("suspend"))) {
                    problems.add("CronJob " + ns + "/" + cron.getMetadata().getName() + " runs on the parked site");
                }
            }
        }
        return problems;
    }

    /** Replicas of every Deployment and StatefulSet of the protected namespaces, per site ({@code Kind/ns/name}). */
    public Map<Site, Map<String, Integer>> scaled() {
        Map<Site, Map<String, Integer>> out = new EnumMap<>(Site.class);
        for (Site site : Site.values()) {
            Map<String, Integer> mine = new TreeMap<>();
            for (String ns : protectedNamespaces) {
                for (Kind kind : KINDS) {
                    if (SCALED.contains(kind.kind())) {
                        for (GenericKubernetesResource r : list(site, kind, ns)) {
                            Object n = spec(r).get("replicas");
                            mine.put(key(kind.kind(), ns, r.getMetadata().getName()), n == null ? 1 : ((Number) n).intValue());
                        }
                    }
                }
            }
            out.put(site, mine);
        }
        return out;
    }

    /** Waits (at most 2 minutes) for StandbyInSync=True when the primary is active, then compares every protected object with its copy. */
    public List<String> parkedCopyMatches() {
        Site active = activeSite();
        if (active != Site.PRIMARY) {
            Condition c = condition("StandbyInSync");
            return c != null && "False".equals(String.valueOf(c.getStatus())) ? List.of()
                    : List.of("the standby serves, yet StandbyInSync is " + (c == null ? "missing" : c.getStatus() + " (" + c.getReason() + ")"));
        }
        List<String> last = new ArrayList<>();
        try {
            Awaitility.await("StandbyInSync=True and the parked copy matches").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> {
                        last.clear();
                        Condition c = condition("StandbyInSync");
                        if (c == null || !"True".equals(String.valueOf(c.getStatus()))) {
                            last.add("StandbyInSync is " + (c == null ? "missing" : c.getStatus() + " (" + c.getReason() + ": " + c.getMessage() + ")"));
                            return false;
                        }
                        last.addAll(compareCopies(active, other(active)));
                        return last.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            return last.isEmpty() ? List.of(e.getMessage()) : last;
        }
        return List.of();
    }

    private List<String> compareCopies(Site source, Site target) {
        List<String> problems = new ArrayList<>();
        for (String ns : protectedNamespaces) {
            for (Kind kind : KINDS) {
                Map<String, GenericKubernetesResource> copies = list(target, kind, ns).stream()
                        .collect(Collectors.toMap(r -> r.getMetadata().getName(), r -> r));
                for (GenericKubernetesResource original : list(source, kind, ns)) {
                    String name = original.getMetadata().getName();
                    if (perCluster(kind, original)) {
                        continue;
                    }
                    GenericKubernetesResource copy = copies.get(name);
                    if (copy == null) {
                        problems.add(kind.kind() + " " + ns + "/" + name + " has no copy on " + target.siteName());
                        continue;
                    }
                    if (!labelled(copy)) {
                        problems.add(kind.kind() + " " + ns + "/" + name + " on " + target.siteName() + " is not Pilotlight's copy");
                    }
                    Map<String, Object> a = comparable(kind, JSON.convertValue(original, Map.class));
                    Map<String, Object> b = comparable(kind, JSON.convertValue(copy, Map.class));
                    if (!a.equals(b)) {
                        problems.add(kind.kind() + " " + ns + "/" + name + " differs on " + target.siteName() + ":\n   source " + JSON.asJson(a)
                                + "\n   copy   " + JSON.asJson(b));
                    }
                }
            }
        }
        return problems;
    }

    public List<String> untouched(Snapshot before) {
        List<String> problems = new ArrayList<>();
        for (Site site : Site.values()) {
            Map<String, Map<String, Object>> now = snapshot(site);
            Map<String, String> adopted = adopted(site);
            for (Map.Entry<String, Map<String, Object>> was : before.objects().get(site).entrySet()) {
                String key = was.getKey();
                Map<String, Object> is = now.get(key);
                String where = key + " on " + site.siteName();
                if (is == null && uid(was.getValue()).equals(adopted.get(key))) {
                    continue; // re-protect adopted the original (label and annotation): Pilotlight's copy from then on
                }
                if (is == null) {
                    problems.add(where + " was deleted (or got Pilotlight's label)");
                    continue;
                }
                if (!Objects.equals(uid(was.getValue()), uid(is))) {
                    problems.add(where + " was replaced (uid " + uid(was.getValue()) + " -> " + uid(is) + ")");
                    continue;
                }
                if (before.changedByTest().getOrDefault(site, Set.of()).contains(key)) {
                    if (managers(is).contains(PlanLabels.FIELD_MANAGER)) {
                        problems.add(where + ", which only the scenario changes, was written by Pilotlight (field manager "
                                + PlanLabels.FIELD_MANAGER + ")");
                    }
                    continue;
                }
                String kind = key.substring(0, key.indexOf('/'));
                if (WORKLOADS.contains(kind)) {
                    Map<String, Object> a = parkingAside(kind, was.getValue());
                    Map<String, Object> b = parkingAside(kind, is);
                    if (!a.equals(b)) {
                        problems.add(where + " changed beyond what parking may change:\n   before " + JSON.asJson(a) + "\n   after  " + JSON.asJson(b));
                    }
                } else if (!"Namespace".equals(kind) && !Objects.equals(resourceVersion(was.getValue()), resourceVersion(is))) {
                    problems.add(where + " was changed (resourceVersion " + resourceVersion(was.getValue()) + " -> " + resourceVersion(is) + ")");
                }
            }
        }
        return problems;
    }

    /** The objects the sync adopted on a site (label {@code pilotlight.io/adopted} and its annotation), by key, with their uid. */
    private Map<String, String> adopted(Site site) {
        Map<String, String> out = new TreeMap<>();
        for (String ns : watchedNamespaces) {
            for (Kind kind : KINDS) {
                for (GenericKubernetesResource r : list(site, kind, ns)) {
                    var m = r.getMetadata();
                    if (m.getLabels() != null && "true".equals(m.getLabels().get("pilotlight.io/adopted"))
                            && m.getAnnotations() != null && m.getAnnotations().containsKey("pilotlight.io/adopted-from")) {
                        out.put(key(kind.kind(), ns, m.getName()), m.getUid());
                    }
                }
            }
        }
        return out;
    }

    private Map<String, Map<String, Object>> snapshot(Site site) {
        Map<String, Map<String, Object>> mine = new TreeMap<>();
        for (String ns : watchedNamespaces) {
            Namespace namespace = clients.get(site).namespaces().withName(ns).get();
            if (namespace != null && !labelled(namespace)) {
                mine.put("Namespace//" + ns, JSON.convertValue(namespace, Map.class));
            }
            for (Kind kind : KINDS) {
                for (GenericKubernetesResource r : list(site, kind, ns)) {
                    if (!labelled(r)) {
                        mine.put(key(kind.kind(), ns, r.getMetadata().getName()), JSON.convertValue(r, Map.class));
                    }
                }
            }
        }
        return mine;
    }

    public List<String> stepsRanOnce(ExpectedRun expected) {
        List<String> problems = new ArrayList<>();
        KubernetesClient standby = clients.get(Site.STANDBY);
        Failover failover = standby.resources(Failover.class).inNamespace(planNamespace).withName(expected.name()).get();
        if (failover == null || failover.getStatus() == null) {
            return List.of("Failover " + expected.name() + " is gone or has no status");
        }
        List<FailoverStep> steps = failover.getStatus().getSteps() == null ? List.of() : failover.getStatus().getSteps();
        List<String> names = steps.stream().map(FailoverStep::getName).toList();
        // A Drill records its TTL's Cleanup after it completed: not a step of the registry's sequence.
        List<String> taken = !names.isEmpty() && names.get(names.size() - 1).equals("Cleanup") && !expected.steps().contains("Cleanup")
                ? names.subList(0, names.size() - 1) : names;
        if (!taken.equals(expected.steps())) {
            problems.add(expected.name() + " took steps " + names + ", expected " + expected.steps());
        }
        Instant previousEnd = null;
        for (FailoverStep step : steps) {
            if (step.getState() != StepState.SUCCEEDED && step.getState() != StepState.SKIPPED) {
                problems.add(expected.name() + " step " + step.getName() + " is " + step.getState());
            }
            if (step.getStartedAt() == null || step.getFinishedAt() == null) {
                problems.add(expected.name() + " step " + step.getName() + " lacks a start or finish time");
                continue;
            }
            Instant start = Instant.parse(step.getStartedAt());
            // Status times are whole seconds: a step may start within the second the previous one finished.
            if (previousEnd != null && start.isBefore(previousEnd)) {
                problems.add(expected.name() + " step " + step.getName() + " started at " + start + ", before the previous step finished at " + previousEnd);
            }
            previousEnd = Instant.parse(step.getFinishedAt());
        }
        String uid = failover.getMetadata().getUid();
        List<Event> events = standby.v1().events().inNamespace(planNamespace).list().getItems().stream()
                .filter(e -> uid.equals(e.getInvolvedObject().getUid())).toList();
        for (String name : expected.steps()) {
            List<Event> ends = events.stream().filter(e -> ("StepSucceeded".equals(e.getReason()) || "StepSkipped".equals(e.getReason()))
                    && e.getMessage().startsWith(name + ": ")).toList();
            int count = ends.stream().mapToInt(e -> e.getCount() == null ? 1 : e.getCount()).sum();
            if (count != 1) {
                problems.add(expected.name() + " step " + name + " finished " + count + " times (events "
                        + ends.stream().map(Event::getMessage).toList() + ")");
            }
            int starts = events.stream().filter(e -> "StepStarted".equals(e.getReason()) && e.getMessage().equals(name + " started"))
                    .mapToInt(e -> e.getCount() == null ? 1 : e.getCount()).sum();
            int allowed = expected.restartedBeforeSaved().contains(name) ? 2 : 1;
            if (starts < 1 || starts > allowed) {
                problems.add(expected.name() + " step " + name + " started " + starts + " times (at most " + allowed + " expected)");
            }
        }
        int jobs = 0;
        for (Site site : Site.values()) {
            jobs += clients.get(site).batch().v1().jobs().inAnyNamespace().withLabel("pilotlight.io/failover-uid", uid).list().getItems().size();
        }
        if (jobs != expected.jobs()) {
            problems.add(expected.name() + " made " + jobs + " Job(s) for its actions, expected " + expected.jobs());
        }
        for (Site site : Site.values()) {
            for (String kind : List.of("Backup", "Restore")) {
                try {
                    long n = clients.get(site).genericKubernetesResources("velero.io/v1", kind).inAnyNamespace().list().getItems().stream()
                            .filter(r -> r.getMetadata().getName().startsWith(expected.name() + "-")).count();
                    if (n > 1) {
                        problems.add(expected.name() + " has " + n + " Velero " + kind + "s on " + site.siteName());
                    }
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 404) {
                        throw e;
                    }
                }
            }
        }
        return problems;
    }

    public List<String> noCredentials() {
        List<String> problems = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("the operator's log", operatorLogs.get());
        for (Site site : Site.values()) {
            StringBuilder events = new StringBuilder();
            for (String ns : namespacesForEvents()) {
                for (Event e : clients.get(site).v1().events().inNamespace(ns).list().getItems()) {
                    events.append(e.getReason()).append(' ').append(e.getMessage()).append('\n');
                }
            }
            texts.put("the Events on " + site.siteName(), events.toString());
        }
        KubernetesClient standby = clients.get(Site.STANDBY);
        texts.put("the plan", JSON.asYaml(plan()));
        texts.put("the Failovers", JSON.asYaml(standby.resources(Failover.class).inNamespace(planNamespace).list().getItems()));
        for (Map.Entry<String, String> text : texts.entrySet()) {
            for (String secret : credentials) {
                if (text.getValue().contains(secret)) {
                    problems.add(text.getKey() + " contains credential data (" + secret.substring(0, 6) + "…)");
                }
            }
        }
        return problems;
    }

    private Collection<String> namespacesForEvents() {
        Set<String> out = new LinkedHashSet<>(watchedNamespaces);
        out.add(planNamespace);
        for (String ns : protectedNamespaces) {
            out.add(ns + "-drill");
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------------
    // While the scenario runs

    /** Samples the workloads of both sites until closed and records every moment both served. */
    public ServingMonitor monitor() {
        return new ServingMonitor();
    }

    public final class ServingMonitor implements AutoCloseable {
        private final List<String> bothUp = new ArrayList<>();
        private final Thread thread;
        private volatile boolean stop;
        private int samples;

        private ServingMonitor() {
            thread = new Thread(this::loop, "serving-monitor");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (!stop) {
                try {
                    // A, B, A again: both serve only when A served before and after B was seen serving.
                    Map<String, Integer> a1 = scaledOn(Site.PRIMARY);
                    Map<String, Integer> b = scaledOn(Site.STANDBY);
                    Map<String, Integer> a2 = scaledOn(Site.PRIMARY);
                    samples++;
                    for (String key : b.keySet()) {
                        if (b.get(key) > 0 && a1.getOrDefault(key, 0) > 0 && a2.getOrDefault(key, 0) > 0) {
                            synchronized (bothUp) {
                                bothUp.add(Instant.now() + " " + key + " up on both sites (" + a1.get(key) + "/" + b.get(key) + ")");
                            }
                        }
                    }
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // A site that does not answer is not a sample.
                }
            }
        }

        private Map<String, Integer> scaledOn(Site site) {
            Map<String, Integer> mine = new TreeMap<>();
            for (String ns : protectedNamespaces) {
                clients.get(site).apps().deployments().inNamespace(ns).list().getItems().forEach(d -> mine.put("Deployment/" + ns + "/"
                        + d.getMetadata().getName(), d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas()));
                clients.get(site).apps().statefulSets().inNamespace(ns).list().getItems().forEach(d -> mine.put("StatefulSet/" + ns + "/"
                        + d.getMetadata().getName(), d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas()));
            }
            return mine;
        }

        public List<String> bothUp() {
            synchronized (bothUp) {
                return List.copyOf(bothUp);
            }
        }

        public int samples() {
            return samples;
        }

        @Override
        public void close() {
            stop = true;
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ----------------------------------------------------------------------------------------------

    private DisasterRecoveryPlan plan() {
        return clients.get(Site.STANDBY).resources(DisasterRecoveryPlan.class).inNamespace(planNamespace).withName(planName).get();
    }

    private Condition condition(String type) {
        DisasterRecoveryPlan plan = plan();
        if (plan == null || plan.getStatus() == null || plan.getStatus().getConditions() == null) {
            return null;
        }
        return plan.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private List<GenericKubernetesResource> list(Site site, Kind kind, String ns) {
        return clients.get(site).genericKubernetesResources(kind.apiVersion(), kind.kind()).inNamespace(ns).list().getItems();
    }

    private static Site other(Site site) {
        return site == Site.PRIMARY ? Site.STANDBY : Site.PRIMARY;
    }

    private static boolean labelled(HasMetadata r) {
        return r.getMetadata().getLabels() != null && r.getMetadata().getLabels().containsKey(PLAN_LABEL);
    }

    private static boolean perCluster(Kind kind, GenericKubernetesResource r) {
        String name = r.getMetadata().getName();
        return ("ConfigMap".equals(kind.kind()) && name.equals("kube-root-ca.crt")) || ("ServiceAccount".equals(kind.kind()) && name.equals("default"))
                || ("Secret".equals(kind.kind()) && "kubernetes.io/service-account-token".equals(r.getAdditionalProperties().get("type")));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> managers(Map<String, Object> object) {
        Map<String, Object> metadata = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        List<Map<String, Object>> fields = (List<Map<String, Object>>) metadata.getOrDefault("managedFields", List.of());
        return fields.stream().map(f -> String.valueOf(f.get("manager"))).collect(Collectors.toSet());
    }

    private static String key(String kind, String ns, String name) {
        return kind + "/" + ns + "/" + name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource r) {
        Object spec = r.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object o = parent.get(key);
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    private static Object uid(Map<String, Object> o) {
        return child(o, "metadata").get("uid");
    }

    private static Object resourceVersion(Map<String, Object> o) {
        return child(o, "metadata").get("resourceVersion");
    }

    /** An object as its copy must equal it: without what the server, the copy and parking own. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparable(Kind kind, Map<String, Object> object) {
        Map<String, Object> o = JSON.convertValue(object, Map.class); // a deep copy
        o.remove("status");
        Map<String, Object> metadata = child(o, "metadata");
        metadata.keySet().retainAll(Set.of("name", "namespace", "labels", "annotations"));
        strip(metadata);
        Map<String, Object> spec = child(o, "spec");
        switch (kind.kind()) {
            case "Deployment", "StatefulSet" -> spec.remove("replicas");
            case "CronJob" -> spec.remove("suspend");
            case "Service" -> {
                spec.remove("clusterIP");
                spec.remove("clusterIPs");
            }
            case "ServiceAccount" -> o.remove("secrets");
            default -> {
            }
        }
        return o;
    }

    /** A workload without what parking in place may change. */
    private static Map<String, Object> parkingAside(String kind, Map<String, Object> object) {
        Map<String, Object> o = comparable(new Kind("", kind), object);
        if ("DaemonSet".equals(kind)) {
            child(child(child(o, "spec"), "template"), "spec").remove("nodeSelector");
        }
        return o;
    }

    private static void strip(Map<String, Object> metadata) {
        Map<String, Object> labels = child(metadata, "labels");
        labels.keySet().removeIf(k -> k.startsWith("pilotlight.io/"));
        labels.remove("app.kubernetes.io/managed-by", "pilotlight");
        Map<String, Object> annotations = child(metadata, "annotations");
        annotations.keySet().removeIf(k -> k.startsWith("pilotlight.io/") || SERVER_ANNOTATIONS.contains(k));
        if (labels.isEmpty()) {
            metadata.remove("labels");
        }
        if (annotations.isEmpty()) {
            metadata.remove("annotations");
        }
    }

    /** The secret parts of kubeconfigs: key, certificate and token data, as written and decoded. */
    static List<String> secretsOf(List<String> kubeconfigs) {
        List<String> out = new ArrayList<>();
        for (String kubeconfig : kubeconfigs) {
            for (String line : kubeconfig.split("\n")) {
                String t = line.trim();
                for (String field : List.of("client-key-data:", "client-certificate-data:", "token:")) {
                    if (t.startsWith(field)) {
                        String value = t.substring(field.length()).trim();
                        if (value.length() < 16) {
                            continue;
                        }
                        out.add(value.substring(0, Math.min(value.length(), 64)));
                        if (!field.equals("token:")) {
                            String pem = new String(Base64.getDecoder().decode(value));
                            // A line of the PEM body, which is what a careless message would quote.
                            pem.lines().filter(l -> !l.startsWith("-----") && l.length() >= 40).skip(1).findFirst().ifPresent(out::add);
                        }
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no credential data found in the kubeconfigs given");
        }
        return out;
    }
}
