# Pilotlight — see README.md. Every target that needs Kubernetes uses the local clusters of
# hack/testenv unless PRIMARY_KUBECONFIG / STANDBY_KUBECONFIG point at real ones.
SHELL := /bin/bash
MVN ?= mvn -B -ntp
TESTENV := hack/testenv
NAME ?= primary

.PHONY: help bind9 prometheus k8s-bins clusters-up clusters-down cluster-stop cluster-start clusters-status \
        velero-bins velero-bins-background velero-up velero-down velero-status \
        build image bundle bundle-image olm-bins-background unit test chaos soak test-ops plugin plugin-dist crds run demo deploy bench bench-quick bench-sync bench-sync-10k bench-lag-soak bench-reprotect bench-failover bench-memory bench-plans test-shards bench-velero clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

k8s-bins: ## build (or reuse from the cache) kube-apiserver, kcm, scheduler, kubectl, etcd, kwok
	@$(TESTENV)/build-bins.sh

clusters-up: k8s-bins ## start the local primary and standby clusters (idempotent)
	@$(TESTENV)/clusters.sh up

clusters-down: ## stop the local clusters and remove their data
	@$(TESTENV)/clusters.sh down

clusters-status: ## show whether the local clusters run
	@$(TESTENV)/clusters.sh status

cluster-stop: ## stop one cluster's API server, an outage; etcd keeps the data (NAME=primary|standby)
	@$(TESTENV)/clusters.sh stop $(NAME)

cluster-start: ## start that API server again and wait until Pods run (NAME=primary|standby)
	@$(TESTENV)/clusters.sh start $(NAME)

velero-bins: ## build (or reuse from the cache) Velero, its AWS plugin and S3Proxy (cold: about 15 minutes)
	@$(TESTENV)/build-velero.sh

# Starts the Velero builds at once so that they run while the Kubernetes binaries build and Maven
# compiles; the tests run build-velero.sh again, which waits on this one's lock and finds them cached.
velero-bins-background:
	@mkdir -p .local && { nice $(TESTENV)/build-velero.sh > .local/velero-bins.log 2>&1 & }

velero-up: velero-bins clusters-up ## start S3Proxy and a Velero server per local cluster, one shared bucket (idempotent)
	@$(TESTENV)/velero.sh up

velero-down: ## stop S3Proxy and the Velero servers and remove the bucket
	@$(TESTENV)/velero.sh down

velero-status: ## show whether S3Proxy and the Velero servers run
	@$(TESTENV)/velero.sh status

build: ## compile and package the operator
	$(MVN) package -DskipTests

# REGISTRY (e.g. ghcr.io/you) and BASE_IMAGE (a JRE 17 image): unset, a loopback registry and a base
# built from Debian packages (cached in ~/.cache/pilotlight), for local use and CI.
image: ## build the operator image with Jib (no Docker) and push it to REGISTRY (default: a loopback one)
	@hack/install/image.sh package -DskipTests

# The OLM bundle: `package` generates it (QOSDK's bundle generator, the install section from deploy/ by
# hack/install/BundleFromDeploy.java); operator-verify (built from its Go module, cached) validates it.
# REGISTRY: the registry of the CSV's image, as for `make image` (default ghcr.io).
bundle: ## the OLM bundle in target/bundle/pilotlight/, validated by operator-verify (REGISTRY: the image's registry)
	$(MVN) package -DskipTests $(if $(REGISTRY),-Dquarkus.container-image.registry=$(REGISTRY))
	@hack/install/operator-verify.sh check target/bundle/pilotlight
	@echo "bundle: $(CURDIR)/target/bundle/pilotlight (manifests/, metadata/, bundle.Dockerfile); image $$(sed -n 's/^    containerImage: //p' target/bundle/pilotlight/manifests/pilotlight.clusterserviceversion.yaml)"

# For `operator-sdk run bundle` and catalogs: the bundle as an image (crane, no Docker), next to the operator's.
bundle-image: bundle ## push the OLM bundle image <REGISTRY>/pilotlight/pilotlight-operator-bundle:<version> (REGISTRY required)
	@REGISTRY="$(REGISTRY)" hack/install/bundle-image.sh

# Starts the operator-verify build (about 2 minutes cold) while the rest of `make test` runs; BundleIT runs
# operator-verify.sh again, which waits on this one's lock and finds it cached.
olm-bins-background:
	@mkdir -p .local && { nice hack/install/operator-verify.sh build > .local/olm-bins.log 2>&1 & }

bind9: ## make sure BIND9's named is installed (the RFC 2136 tests start their own on loopback)
	@$(TESTENV)/bind9.sh

prometheus: ## make sure Prometheus and promtool are installed (the alert and dashboard tests start their own)
	@$(TESTENV)/prometheus.sh

# The tests that need no cluster or server: those beside the code (src/test/java/io/pilotlight/<package>),
# not the tiers that start API servers (apiserver/, integration/) or run the image (install/).
UNIT_TESTS := !io/pilotlight/integration/**,!io/pilotlight/apiserver/**,!io/pilotlight/install/**,!io/pilotlight/chaos/**,!io/pilotlight/soak/**,!io/pilotlight/testsupport/**

unit: ## the unit tests only (no cluster, no server): well under a minute
	$(MVN) test '-Dtest=$(UNIT_TESTS)' -Dsurefire.failIfNoSpecifiedTests=false

# The install tests (src/test/java/io/pilotlight/install, failsafe, after `package`) run the image
# that package built and pushed to the loopback registry; image.sh starts and stops that registry.
# Kill points (src/test/java/io/pilotlight/chaos, failsafe after `package`, pom profile kill-points): the
# packaged jar killed with SIGKILL inside Failover steps. make test runs the bounded subset
# KillPointChaos.CI (-Dkill-points=ci); make chaos runs every step of every kind of Failover.
test: velero-bins-background olm-bins-background k8s-bins bind9 prometheus ## every test tier: unit, API server, integration (real Velero included), install (the image under deploy/'s RBAC, the chart, the OLM bundle), the CI kill points, then test-ops
	MVN="$(MVN)" hack/install/image.sh verify -Dkill-points=ci
	@$(MAKE) --no-print-directory test-ops

# No surefire test (a -Dtest that names none): only package and the kill points' failsafe execution.
chaos: k8s-bins ## every kill point (the packaged operator SIGKILLed inside each step of Planned, Unplanned, Drill and failback Failovers), the API-server outages and the two-replica leader scenarios, each checked by the invariant checker (make test runs only KillPointChaos.CI)
	$(MVN) verify -Dkill-points=all -Dtest=NoUnitTestInChaos -Dsurefire.failIfNoSpecifiedTests=false
	@cat target/chaos/kill-points.txt

# Never in make test: bounded by SOAK_MINUTES (default 10) plus a few minutes of setup and checks.
soak: k8s-bins ## the soak: the packaged operator for SOAK_MINUTES (default 10) under 1,000 changes/min in 10 namespaces, a Drill every 2 min, the primary's API server restarted every 3; per-minute figures, results.json and PNGs in target/soak/
	$(MVN) verify -Dsoak -Dtest=NoUnitTestInSoak -Dsurefire.failIfNoSpecifiedTests=false
	@cat target/soak/soak.txt

# The clusters only when no external ones are named (as the Java tests do).
OPS_CLUSTERS := $(if $(and $(PRIMARY_KUBECONFIG),$(STANDBY_KUBECONFIG)),,clusters-up)

test-ops: k8s-bins prometheus $(OPS_CLUSTERS) ## alerts (promtool), Argo CD health scripts, kstatus, kubectl plugin and dashboard queries (needs mvn package)
	@test -f target/quarkus-app/quarkus-run.jar || $(MVN) package -DskipTests
	@hack/ops/test.sh

plugin: ## build kubectl-pilotlight (cached in ~/.cache/pilotlight/bin) and print its path: copy it onto your PATH
	@hack/ops/go-tools.sh plugin | sed -n 's/^KUBECTL_PILOTLIGHT=//p'

plugin-dist: ## the plugin's archive and krew manifest in target/plugin/
	@hack/ops/plugin-dist.sh

# Benchmarks, not tests: StandbySyncBenchmark, FailoverBenchmark and VeleroRestoreBenchmark (@QuarkusTests, so the operator runs
# in-JVM against the local clusters) only run when named, because their class names match none of
# surefire's includes, so `make test` never runs them. Bounded (fixed object counts and durations) and
# clean up their namespaces. Each measures its floor in the same run (a plain client doing the same
# writes) and writes its figures to target/bench/cases/<case>.json; every case rewrites
# target/bench/results.json, results.md and sync-scaling.png from all the cases there (the lag cases
# draw target/bench/<case>-lag.png). Sizes are the bench.* system properties below.
BENCH := $(MVN) test -Dsurefire.failIfNoSpecifiedTests=false
BENCH_SYNC := $(BENCH) -Dtest=StandbySyncBenchmark
BENCH_FAILOVER := $(BENCH) -Dtest=FailoverBenchmark

bench-reprotect: k8s-bins ## measure re-protect of 1,000 objects after an Unplanned failover, and the failback's RTO against the floor
	$(MVN) test -Dtest=ReprotectBenchmark -Dsurefire.failIfNoSpecifiedTests=false
	@cat target/bench-reprotect.txt

bench-sync: k8s-bins ## sync of 1,000 objects in 10 namespaces vs the floor, then change lag at 200 changes/s for 60 s
	$(BENCH_SYNC) -Dbench.objects=1000 -Dbench.namespaces=10 -Dbench.lag.rate=200 -Dbench.lag.seconds=60 -Dbench.lag.window=5

bench-sync-10k: k8s-bins ## sync of 10,000 objects in 100 namespaces vs the floor (no lag run)
	$(BENCH_SYNC) -Dbench.objects=10000 -Dbench.namespaces=100 -Dbench.lag.seconds=0

bench-lag-soak: k8s-bins ## change lag at 1,000 changes/min for 10 minutes, p99 of each minute
	$(BENCH_SYNC) -Dbench.case=lagsoak -Dbench.objects=1000 -Dbench.namespaces=10 -Dbench.lag.rate=16.667 -Dbench.lag.seconds=600 -Dbench.lag.window=60

bench-failover: k8s-bins ## failover of 1,000 parked Deployments, then of 1,000 parked StatefulSets, vs the floor
	$(BENCH_FAILOVER) -Dbench.workloads=1000 -Dbench.workload-kind=Deployment
	$(BENCH_FAILOVER) -Dbench.workloads=1000 -Dbench.workload-kind=StatefulSet

# The packaged jar (OperatorProcess), so after `mvn package`: deploy/'s heap setting under its 512Mi limit.
bench-memory: k8s-bins ## the packaged operator holding 10,000 copies: ready time, RSS, GC time, a JFR of the sync
	$(MVN) package -DskipTests
	$(BENCH) -Dtest=MemoryCheck -Dbench.objects=10000 -Dbench.namespaces=100

# The packaged jar too: one operator under deploy/'s JVM settings holding many plans (issue 13 target 6).
bench-plans: k8s-bins ## 50 plans of 20 namespaces each on one packaged operator: time to all in sync, CPU, RSS, heap, GC, threads, sockets, watches
	$(MVN) package -DskipTests
	$(BENCH) -Dtest=PlansCheck -Dbench.plans=50 -Dbench.plan-namespaces=20 -Dbench.objects-per-namespace=2

# Two JVMs and their starts: over make test's budget, so run by name.
test-shards: k8s-bins ## two shards of the packaged operator (pilotlight.shard.*): each reconciles only its own plans
	$(MVN) package -DskipTests
	$(BENCH) -Dtest=ShardsCheck

# Under 5 minutes: the small sizes of the cases above.
bench-quick: k8s-bins ## 1,000 objects sync + 15 s of lag at 200 changes/s, a failover of 100 Deployments
	$(BENCH_SYNC) -Dbench.objects=1000 -Dbench.namespaces=10 -Dbench.lag.rate=200 -Dbench.lag.seconds=15 -Dbench.lag.window=5
	$(BENCH_FAILOVER) -Dbench.workloads=100 -Dbench.workload-kind=Deployment
	@cat target/bench/results.md

# Velero's own servers: velero-up starts them (and the clusters) and leaves them running, as the demo does;
# `make velero-down clusters-down` stops them. About 23 minutes on 2 busy cores, most of it Velero restoring
# 10,000 objects.
bench-velero: k8s-bins velero-up ## Velero restore-then-scale vs Pilotlight's Unplanned failover vs the floor, 1,000 then 10,000 objects
	$(MVN) test -Dtest=VeleroRestoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false
	@cat target/bench-velero.txt

bench: bench-sync bench-sync-10k bench-lag-soak bench-reprotect bench-failover bench-memory bench-plans bench-velero ## every benchmark (about an hour on 2 cores)
	@cat target/bench/results.md

.PHONY: crds
crds: ## regenerate crds/ from the Java model
	$(MVN) package -DskipTests
	cp target/kubernetes/disasterrecoveryplans.pilotlight.io-v1.yml target/kubernetes/failovers.pilotlight.io-v1.yml crds/

# run, demo, deploy: the kubectl of the local test environment when it is built, else the one on PATH.
K8S_VERSION := $(shell . $(TESTENV)/versions.env && echo $$KUBERNETES_VERSION)
LOCAL_KUBECTL := $(or $(PILOTLIGHT_CACHE),$(HOME)/.cache/pilotlight)/bin/kubernetes-$(K8S_VERSION)/kubectl
KUBECTL ?= $(if $(wildcard $(LOCAL_KUBECTL)),$(LOCAL_KUBECTL),kubectl)
RUN_KUBECONFIG = $(abspath $(or $(STANDBY_KUBECONFIG),.local/standby.kubeconfig))

run: ## the operator in Quarkus dev mode against the standby (STANDBY_KUBECONFIG, else the local one)
	@test -r "$(RUN_KUBECONFIG)" || { echo "no kubeconfig $(RUN_KUBECONFIG): run 'make clusters-up' first or set STANDBY_KUBECONFIG"; exit 1; }
	$(KUBECTL) --kubeconfig "$(RUN_KUBECONFIG)" apply --server-side --force-conflicts --field-manager=pilotlight-dev -k crds/
	$(MVN) quarkus:dev -Dkubeconfig="$(RUN_KUBECONFIG)"

demo: ## clusters, operator, sample app and plan: backups and RPO at work (KEEP=1 leaves the operator running)
	@hack/demo.sh

deploy: ## install CRDs, RBAC and the operator into the cluster of KUBECONFIG (kubectl apply -k deploy/)
	$(KUBECTL) apply -k deploy/

clean: ## remove build output
	$(MVN) clean
