#!/usr/bin/env bash
# Pilotlight demo (`make demo`): two clusters, the operator, a sample application, a
# DisasterRecoveryPlan that schedules its backups, keeps a parked copy on the standby and measures
# its recovery point, then a failover to the standby, the primary re-protected as its parked copy, a
# change made on the standby while it serves, and a failback that carries it back.
#
#   1. starts the local clusters "primary" and "standby" (make clusters-up: kwok control planes
#      built from source and cached in ~/.cache/pilotlight; the first run takes ~20 minutes);
#   2. builds the operator (mvn package) and the kubectl plugin (hack/ops/go-tools.sh plugin);
#   3. installs Pilotlight's CRDs on both clusters and starts the real Velero (make velero-up: a
#      velero server per cluster, S3Proxy as their shared bucket; the first run builds Velero, ~15 min);
#   4. deploys the sample application (samples/shop-app.yaml) on the primary;
#   5. puts the primary's kubeconfig into a Secret on the standby and starts the operator there
#      (a java process on this machine, log in .local/operator.log);
#   6. applies the sample plan (samples/plan.yaml) and follows it until its Velero Schedule exists;
#   7. has Velero take a backup from the plan's Schedule, and follows the plan until its RPO and
#      RPOMet show it;
#   8. waits until the standby holds the parked copy (StandbyInSync), adds an ExternalDNS traffic
#      section to the plan, fails over to the standby with a Planned Failover (kubectl pilotlight
#      failover --planned --wait, the plugin of src/kubectl-pilotlight), shows both sites and the
#      DNSEndpoint, and fails back;
#   9. shows every plan with kubectl pilotlight status.
#
# Environment:
#   PRIMARY_KUBECONFIG, STANDBY_KUBECONFIG  use these clusters instead of the local ones (both or
#                     neither). If Velero's CRDs exist on the primary, their Velero is used;
#                     if not, the demo plays Velero's part there (a location reported Available, a
#                     Backup reported Completed) and says so.
#   KEEP=1            leave the operator running at the end (stop it: kill "$(cat .local/operator.pid)")
#   OPERATOR_PORT     HTTP port of the operator (health, metrics); default 8080
#   VELERO_NAMESPACE  Velero's namespace on the primary; default velero
#   SKIP_BUILD=1      reuse target/quarkus-app/quarkus-run.jar if it exists
#   DEMO_TIMEOUT      seconds each wait may take; default 120 (BACKUP_TIMEOUT, 900, for a real backup)
#
# Running it again is harmless: everything is applied, not created, and each run adds one backup
# and two Failovers (a run that stopped after failing over fails back first).
# It ends only the operator process it started itself (by its pid).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
source hack/testenv/versions.env

PLAN_NS=dr
PLAN=shop
APP_NS=shop
SCHEDULE="pilotlight-$PLAN_NS.$PLAN" # the operator's name for the plan's Velero Schedule (PlanLabels.scheduleName)
VELERO_NS="${VELERO_NAMESPACE:-velero}"
OPERATOR_PORT="${OPERATOR_PORT:-8080}"
TIMEOUT="${DEMO_TIMEOUT:-120}"
BACKUP_TIMEOUT="${BACKUP_TIMEOUT:-900}"
KEEP="${KEEP:-0}"
MAKE="${MAKE:-make}"
local_dir="$repo/.local"
op_log="$local_dir/operator.log"
op_pidfile="$local_dir/operator.pid"
jar="target/quarkus-app/quarkus-run.jar"
op_pid=""
tmp_dir="$(mktemp -d)"

if [[ -t 1 ]]; then bold=$'\033[1m'; dim=$'\033[2m'; red=$'\033[31m'; off=$'\033[0m'; else bold= dim= red= off=; fi
step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$off"; }
info() { printf '    %s\n' "$*"; }
show() { printf '%s$ %s%s\n' "$dim" "$*" "$off"; }

op_started=0
operator_tail() {
  [[ "$op_started" == 1 && -s "$op_log" ]] || return 0
  printf '%s----- last 40 lines of %s -----%s\n' "$bold" "${op_log#"$repo"/}" "$off" >&2
  tail -n 40 "$op_log" >&2
}

fail() {
  printf '\n%sdemo failed: %s%s\n' "$red$bold" "$*" "$off" >&2
  operator_tail
  exit 1
}

# Stops the operator this script started (and only that process, by its pid).
stop_operator() {
  local pid="$1"
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  rm -f "$op_pidfile"
}

on_exit() {
  local rc=$?
  rm -rf "$tmp_dir"
  if [[ -n "$op_pid" ]]; then
    if [[ "$KEEP" == 1 ]]; then
      info "the operator keeps running (KEEP=1): pid $op_pid, log ${op_log#"$repo"/}, http://127.0.0.1:$OPERATOR_PORT/q/metrics"
      info "stop it with: kill \"\$(cat ${op_pidfile#"$repo"/})\""
    else
      stop_operator "$op_pid"
      info "operator stopped (KEEP=1 leaves it running)"
    fi
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# Which clusters
if [[ -n "${PRIMARY_KUBECONFIG:-}" || -n "${STANDBY_KUBECONFIG:-}" ]]; then
  [[ -n "${PRIMARY_KUBECONFIG:-}" && -n "${STANDBY_KUBECONFIG:-}" ]] ||
    fail "set both PRIMARY_KUBECONFIG and STANDBY_KUBECONFIG, or neither (to use the local clusters)"
  for f in "$PRIMARY_KUBECONFIG" "$STANDBY_KUBECONFIG"; do [[ -r "$f" ]] || fail "cannot read kubeconfig $f"; done
  mode=external
  primary_cfg="$(cd "$(dirname "$PRIMARY_KUBECONFIG")" && pwd)/$(basename "$PRIMARY_KUBECONFIG")"
  standby_cfg="$(cd "$(dirname "$STANDBY_KUBECONFIG")" && pwd)/$(basename "$STANDBY_KUBECONFIG")"
else
  mode=local
  primary_cfg="$local_dir/primary.kubeconfig"
  standby_cfg="$local_dir/standby.kubeconfig"
fi

for tool in java mvn curl; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (prerequisites: JDK 17, Maven, curl; Go >= $GO_MIN_VERSION for the local clusters)"
done
mkdir -p "$local_dir"

if [[ "$mode" == local ]]; then
  step "Starting the local clusters (make clusters-up; the first run builds Kubernetes from source, ~20 min)"
  # One retry: hack/testenv/build-bins.sh can exit 141 (SIGPIPE, from `kubectl version --client |
  # head -1` under pipefail) after the binaries are ready; a second run finds them cached.
  "$MAKE" --no-print-directory clusters-up ||
    { info "make clusters-up failed; trying once more"; "$MAKE" --no-print-directory clusters-up; } ||
    fail "the local clusters did not start (see the messages above)"
else
  step "Using the clusters of PRIMARY_KUBECONFIG and STANDBY_KUBECONFIG"
fi

kubectl="${PILOTLIGHT_CACHE:-$HOME/.cache/pilotlight}/bin/kubernetes-$KUBERNETES_VERSION/kubectl"
if [[ ! -x "$kubectl" ]]; then
  kubectl="$(command -v kubectl || true)"
  [[ -n "$kubectl" ]] || fail "no kubectl: run 'make k8s-bins' or install kubectl"
fi
kp() { "$kubectl" --kubeconfig "$primary_cfg" "$@"; }
ks() { "$kubectl" --kubeconfig "$standby_cfg" "$@"; }
pl() { "$plugin" --kubeconfig "$standby_cfg" -n "$PLAN_NS" "$@"; }

kp --request-timeout=10s get --raw /readyz >/dev/null 2>&1 || fail "the primary (${primary_cfg#"$repo"/}) does not answer"
ks --request-timeout=10s get --raw /readyz >/dev/null 2>&1 || fail "the standby (${standby_cfg#"$repo"/}) does not answer"
info "primary: $(kp config view --minify -o jsonpath='{.clusters[0].cluster.server}')  (kubeconfig ${primary_cfg#"$repo"/})"
info "standby: $(ks config view --minify -o jsonpath='{.clusters[0].cluster.server}')  (kubeconfig ${standby_cfg#"$repo"/})"

# ---------------------------------------------------------------------------------------------
step "Building the operator (mvn package, log .local/build.log)"
if [[ "${SKIP_BUILD:-0}" == 1 && -f "$jar" ]]; then
  info "SKIP_BUILD=1: reusing $jar"
else
  mvn -B -ntp package -DskipTests >"$local_dir/build.log" 2>&1 || { tail -n 40 "$local_dir/build.log" >&2; fail "the build failed (full log: .local/build.log)"; }
  info "built $jar"
fi

step "Building the kubectl plugin (make plugin: kubectl-pilotlight, cached in ~/.cache/pilotlight/bin)"
plugin="$(hack/ops/go-tools.sh plugin 2>>"$local_dir/build.log" | sed -n 's/^KUBECTL_PILOTLIGHT=//p')"
[[ -x "$plugin" ]] || { tail -n 20 "$local_dir/build.log" >&2; fail "the kubectl plugin did not build (log: .local/build.log)"; }
info "built $plugin (copy it onto your PATH and kubectl finds it: kubectl pilotlight)"

# ---------------------------------------------------------------------------------------------
# CRDs: Pilotlight's on both sites (the standby holds the plans; the primary gets them too, as a
# site that may run the operator after a failback). Server-side apply: idempotent.
wait_crds() { # site-function crd...
  local site="$1"; shift
  "$site" wait --for condition=Established --timeout=60s "${@/#/crd/}" >/dev/null ||
    fail "CRDs $* were not established within 60s"
}
step "Installing Pilotlight's CRDs (crds/) on both clusters"
crd_dir=crds
# The build generates the CRDs from the Java classes into target/kubernetes; crds/ is the committed
# copy (`make crds`). If they differ, the operator just built would write status fields the
# committed CRDs do not declare, so the demo installs the generated ones and says so.
for f in crds/*.yml; do
  if [[ -f "target/kubernetes/$(basename "$f")" ]] && ! cmp -s "$f" "target/kubernetes/$(basename "$f")"; then
    crd_dir=target/kubernetes
    info "warning: $f differs from what the Java classes generate (target/kubernetes/$(basename "$f")):"
    info "         crds/ is stale and should be refreshed with 'make crds'; this demo installs the generated CRDs"
  fi
done
for site in kp ks; do
  "$site" apply --server-side --force-conflicts --field-manager=pilotlight-demo \
    -f "$crd_dir/disasterrecoveryplans.pilotlight.io-v1.yml" -f "$crd_dir/failovers.pilotlight.io-v1.yml" >/dev/null
  wait_crds "$site" disasterrecoveryplans.pilotlight.io failovers.pilotlight.io
done
info "disasterrecoveryplans.pilotlight.io and failovers.pilotlight.io are served on both clusters"

velero_crds=(backups.velero.io schedules.velero.io restores.velero.io backupstoragelocations.velero.io)
real_velero=0
if [[ "$mode" == local ]]; then
  step "Starting the real Velero on both clusters (make velero-up; the first run builds Velero $VELERO_VERSION, ~15 min)"
  "$MAKE" --no-print-directory velero-up || fail "Velero did not start (see the messages above)"
  kp -n "$VELERO_NS" get backupstoragelocations.velero.io 2>/dev/null | sed 's/^/    /'
  ks -n "$VELERO_NS" get backupstoragelocations.velero.io 2>/dev/null | sed 's/^/    /'
  real_velero=1
elif kp get crd "${velero_crds[@]}" >/dev/null 2>&1; then
  real_velero=1
fi

if [[ "$mode" == local ]]; then
  info "one bucket for both: the standby's location is ReadOnly, so Velero there restores and never writes"
elif [[ "$real_velero" == 1 ]]; then
  step "Velero's CRDs exist on the primary: using the real Velero (namespace $VELERO_NS)"
  kp get namespace "$VELERO_NS" >/dev/null 2>&1 ||
    fail "namespace $VELERO_NS does not exist on the primary; set VELERO_NAMESPACE to Velero's namespace"
  kp -n "$VELERO_NS" get backupstoragelocations.velero.io 2>/dev/null | sed 's/^/    /'
else
  step "Installing Velero's CRDs on both clusters, and playing Velero's part on the primary"
  info "These clusters have no Velero, so this demo writes what Velero would write: a BackupStorageLocation reported Available,"
  info "and later a Backup reported Completed. The operator cannot tell the difference: it only"
  info "reads and writes Velero's API objects."
  velero_crd_dir="$(hack/testenv/third-party-crds.sh | grep '/velero-')"
  for site in kp ks; do
    "$site" apply --server-side --force-conflicts --field-manager=pilotlight-demo -f "$velero_crd_dir" >/dev/null
    wait_crds "$site" "${velero_crds[@]}"
  done
  kp apply -f - >/dev/null <<EOF
apiVersion: v1
kind: Namespace
metadata:
  name: $VELERO_NS
---
apiVersion: velero.io/v1
kind: BackupStorageLocation
metadata:
  name: default
  namespace: $VELERO_NS
spec:
  provider: aws
  default: true
  objectStorage:
    bucket: pilotlight-demo
EOF
  now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  # Velero's CRDs have no status subresource: status is written with the object, as Velero does.
  kp -n "$VELERO_NS" patch backupstoragelocations.velero.io default --type=merge \
    -p "{\"status\":{\"phase\":\"Available\",\"lastValidationTime\":\"$now\"}}" >/dev/null
  info "primary: namespace $VELERO_NS, BackupStorageLocation 'default' (default: true), status Available"
fi

# ---------------------------------------------------------------------------------------------
step "Deploying the sample application on the primary (samples/shop-app.yaml)"
kp apply -f samples/shop-app.yaml | sed 's/^/    /'
if ! kp -n "$APP_NS" wait --for=condition=Available deployment --all --timeout="${TIMEOUT}s" >/dev/null ||
   ! kp -n "$APP_NS" rollout status statefulset/db --timeout="${TIMEOUT}s" >/dev/null; then
  info "warning: the application is not ready after ${TIMEOUT}s; the demo goes on (the plan does not need it ready)"
fi
kp -n "$APP_NS" get deployments,statefulsets 2>&1 | sed 's/^/    /'

# ---------------------------------------------------------------------------------------------
step "Creating the primary's kubeconfig Secret on the standby ($PLAN_NS/primary-kubeconfig)"
ks apply -f - >/dev/null <<EOF
apiVersion: v1
kind: Namespace
metadata:
  name: $PLAN_NS
EOF
# Inline certificates, current context only: what a Secret needs (see samples/primary-kubeconfig-secret.yaml).
kp config view --raw --flatten --minify >"$tmp_dir/primary.kubeconfig"
show "kubectl -n $PLAN_NS create secret generic primary-kubeconfig --from-file=kubeconfig=<primary kubeconfig>"
ks -n "$PLAN_NS" create secret generic primary-kubeconfig --from-file=kubeconfig="$tmp_dir/primary.kubeconfig" \
  --dry-run=client -o yaml | ks apply -f - | sed 's/^/    /'

# ---------------------------------------------------------------------------------------------
step "Starting the operator against the standby (log ${op_log#"$repo"/})"
if [[ -f "$op_pidfile" ]]; then
  old="$(cat "$op_pidfile")"
  # Only a process this script started: its pid file, and a command line running our jar.
  if [[ "$old" =~ ^[0-9]+$ ]] && kill -0 "$old" 2>/dev/null && tr '\0' ' ' <"/proc/$old/cmdline" 2>/dev/null | grep -q "quarkus-run.jar"; then
    info "stopping the operator a previous demo left running (pid $old)"
    stop_operator "$old"
  fi
  rm -f "$op_pidfile"
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$OPERATOR_PORT") 2>/dev/null; then
  fail "port $OPERATOR_PORT is already in use; free it or run with OPERATOR_PORT=<another port>"
fi
# The demo's operator watches only the plan's namespace, so that it leaves alone any other plans
# on the cluster (and any other operator's); deploy/ watches every namespace. A single operator
# outside any cluster needs no leader election (and JOSDK could not infer a Lease namespace there).
# It runs with the demo's admin kubeconfig and trusts the plan's namespace, so the plan acts as the
# operator; deploy/ trusts only pilotlight-system and plans elsewhere act as their own
# ServiceAccount (samples/plan-identity.yaml, SECURITY.md).
show "java -Dkubeconfig=${standby_cfg#"$repo"/} -Dquarkus.http.port=$OPERATOR_PORT -Dquarkus.operator-sdk.namespaces=$PLAN_NS -Dpilotlight.security.trusted-namespaces=$PLAN_NS -Dpilotlight.leader-election.enabled=false -jar $jar"
nohup java -Dkubeconfig="$standby_cfg" -Dquarkus.http.port="$OPERATOR_PORT" \
  -Dquarkus.operator-sdk.namespaces="$PLAN_NS" -Dpilotlight.security.trusted-namespaces="$PLAN_NS" \
  -Dpilotlight.leader-election.enabled=false \
  -jar "$jar" >"$op_log" 2>&1 &
op_pid=$!
op_started=1
echo "$op_pid" >"$op_pidfile"
deadline=$((SECONDS + TIMEOUT))
until curl -fsS "http://127.0.0.1:$OPERATOR_PORT/q/health/ready" >/dev/null 2>&1; do
  kill -0 "$op_pid" 2>/dev/null || { op_pid=""; fail "the operator exited during start-up"; }
  ((SECONDS < deadline)) || fail "the operator was not ready (/q/health/ready) within ${TIMEOUT}s"
  sleep 1
done
info "operator ready: pid $op_pid, http://127.0.0.1:$OPERATOR_PORT/q/health/ready answers UP"

# ---------------------------------------------------------------------------------------------
cond() { ks -n "$PLAN_NS" get drp "$PLAN" -o jsonpath="{.status.conditions[?(@.type==\"$1\")].status}" 2>/dev/null; }
conditions_line() {
  ks -n "$PLAN_NS" get drp "$PLAN" -o jsonpath='{range .status.conditions[*]}{.type}={.status} {end}' 2>/dev/null
}
# Prints the plan as `kubectl get drp -w` would (a line each time it changes) until the check
# passes; fails with the plan's conditions and the operator's log after the timeout.
follow_plan() { # description timeout check-command...
  local what="$1" limit="$2"; shift 2
  local deadline=$((SECONDS + limit)) last="" now
  info "waiting until $what (at most ${limit}s)"
  while true; do
    # A new line when the status changes (not when only the AGE column moves on).
    now="$(ks -n "$PLAN_NS" get drp "$PLAN" -o jsonpath='{.status.rpo} {.status.lastBackup.name} {.status.lastBackup.phase}' 2>/dev/null) $(conditions_line)"
    if [[ "$now" != "$last" ]]; then
      printf '    %s   %s\n' "$(ks -n "$PLAN_NS" get drp "$PLAN" --no-headers 2>/dev/null)" "$(conditions_line)"
      last="$now"
    fi
    "$@" && return 0
    if ((SECONDS >= deadline)); then
      ks -n "$PLAN_NS" get drp "$PLAN" -o jsonpath='{range .status.conditions[*]}    {.type}={.status} {.reason}: {.message}{"\n"}{end}' >&2 || true
      fail "timed out after ${limit}s waiting until $what"
    fi
    sleep 2
  done
}

step "Applying the plan (samples/plan.yaml) on the standby"
sed "s/^\(    veleroNamespace:\) velero /\1 $VELERO_NS /" samples/plan.yaml | ks apply -f - | sed 's/^/    /'
echo
ks -n "$PLAN_NS" get drp 2>&1 | sed -n 1p | sed 's/^/    /'
scheduled() { [[ "$(cond BackupScheduled)" == True && -n "$(cond StandbyCompatible)" ]]; }
follow_plan "the Velero Schedule exists on the primary (BackupScheduled=True)" "$TIMEOUT" scheduled
if [[ "$(cond RPOMet)" != True ]]; then
  info "no backup has completed yet, so there is no recovery point: RPOMet=False (NoRecoveryPoint), Ready=False"
else
  info "RPOMet is already True: a backup of an earlier run of this demo is the current recovery point"
fi

step "The Velero Schedule the operator created on the primary"
show "kubectl --kubeconfig primary -n $VELERO_NS get schedules.velero.io"
kp -n "$VELERO_NS" get schedules.velero.io 2>&1 | sed 's/^/    /'
kp -n "$VELERO_NS" get schedules.velero.io "$SCHEDULE" \
  -o jsonpath='{"    schedule: "}{.spec.schedule}{"\n    includedNamespaces: "}{.spec.template.includedNamespaces}{"\n    labelSelector: "}{.spec.template.labelSelector}{"\n    ttl: "}{.spec.template.ttl}{"\n    labels: "}{.metadata.labels}{"\n"}'

# ---------------------------------------------------------------------------------------------
backup="$SCHEDULE-$(date -u +%Y%m%d%H%M%S)"
# A Backup made from the Schedule, as `velero backup create --from-schedule` makes it: the
# Schedule's template as spec, and the label by which Velero (and the operator) tie it to it.
template="$(kp -n "$VELERO_NS" get schedules.velero.io "$SCHEDULE" -o jsonpath='{.spec.template}')"
[[ -n "$template" ]] || fail "the Schedule $VELERO_NS/$SCHEDULE has no template"
backup_manifest="{\"apiVersion\":\"velero.io/v1\",\"kind\":\"Backup\",\"metadata\":{\"name\":\"$backup\",\"namespace\":\"$VELERO_NS\",\"labels\":{\"velero.io/schedule-name\":\"$SCHEDULE\"}},\"spec\":$template}"
epoch_ts() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -r "$1" +%Y-%m-%dT%H:%M:%SZ; }

if [[ "$real_velero" == 1 ]]; then
  step "Taking a real backup from the Schedule ($VELERO_NS/$backup)"
  printf '%s' "$backup_manifest" | kp create -f - | sed 's/^/    /'
  deadline=$((SECONDS + BACKUP_TIMEOUT))
  while true; do
    phase="$(kp -n "$VELERO_NS" get backups.velero.io "$backup" -o jsonpath='{.status.phase}' 2>/dev/null || true)"
    case "$phase" in
      Completed) info "Velero completed backup $backup"; break ;;
      Failed|PartiallyFailed|FailedValidation) fail "Velero's backup $backup ended $phase: velero backup describe $backup --details" ;;
    esac
    ((SECONDS < deadline)) || fail "Velero did not complete backup $backup within ${BACKUP_TIMEOUT}s (phase: ${phase:-none})"
    sleep 5
  done
else
  step "Simulating a Velero backup of the Schedule completing on the primary ($VELERO_NS/$backup)"
  info "created with the label velero.io/schedule-name=$SCHEDULE, then its status written as Velero"
  info "writes it (with the object: Velero's CRDs have no status subresource): phase Completed, started 20s ago, completed now"
  printf '%s' "$backup_manifest" | kp create -f - | sed 's/^/    /'
  end=$(date +%s)
  kp -n "$VELERO_NS" patch backups.velero.io "$backup" --type=merge -p "{\"status\":{
    \"phase\":\"Completed\",\"version\":1,\"formatVersion\":\"1.1.0\",
    \"startTimestamp\":\"$(epoch_ts $((end - 20)))\",\"completionTimestamp\":\"$(epoch_ts "$end")\",
    \"expiration\":\"$(epoch_ts $((end + 720 * 3600)))\",
    \"progress\":{\"totalItems\":8,\"itemsBackedUp\":8}}}" | sed 's/^/    /'
fi

# ---------------------------------------------------------------------------------------------
step "Following the plan until it sees the new recovery point (it re-reads backups every healthCheck.interval, 10s)"
ks -n "$PLAN_NS" get drp 2>&1 | sed -n 1p | sed 's/^/    /'
recovered() {
  [[ "$(ks -n "$PLAN_NS" get drp "$PLAN" -o jsonpath='{.status.lastGoodBackup.name}' 2>/dev/null)" == "$backup" &&
     "$(cond RPOMet)" == True && "$(cond Ready)" == True ]]
}
follow_plan "the plan reports backup $backup as its recovery point (RPOMet=True, Ready=True)" "$TIMEOUT" recovered

step "The plan now"
show "kubectl -n $PLAN_NS get drp"
ks -n "$PLAN_NS" get drp | sed 's/^/    /'
echo
show "kubectl -n $PLAN_NS describe drp $PLAN"
ks -n "$PLAN_NS" describe drp "$PLAN" | sed -n '/^Status:/,$p' | sed 's/^/    /'

step "The operator's metrics (http://127.0.0.1:$OPERATOR_PORT/q/metrics)"
# The gauges are set by the operator's own reconcile; when another operator also watches this
# namespace (a test run, say), the plan's status can be ahead of them for one interval.
completed="$(ks -n "$PLAN_NS" get drp "$PLAN" -o jsonpath='{.status.lastGoodBackup.completionTimestamp}')"
completed_epoch="$(date -u -d "$completed" +%s 2>/dev/null || true)"
metrics() { curl -fsS "http://127.0.0.1:$OPERATOR_PORT/q/metrics" 2>/dev/null | grep -E '^pilotlight_' || true; }
if [[ -n "$completed_epoch" ]]; then
  deadline=$((SECONDS + 30))
  while ((SECONDS < deadline)); do
    rpo_metric="$(metrics | sed -n 's/^pilotlight_plan_rpo_seconds{.*plan="'"$PLAN"'".*} \([0-9.]*\)$/\1/p')"
    [[ -n "$rpo_metric" ]] && (( ${rpo_metric%.*} <= $(date +%s) - completed_epoch + 15 )) && break
    sleep 2
  done
fi
metrics | sed 's/^/    /'
[[ -n "$(metrics)" ]] || info "(no pilotlight_ metrics found)"

# ---------------------------------------------------------------------------------------------
step "The pilot light: the parked copy of namespace $APP_NS on the standby"
in_sync() { [[ "$(cond StandbyInSync)" == True ]]; }
follow_plan "the standby holds a parked copy of $APP_NS (StandbyInSync=True)" "$TIMEOUT" in_sync
show "kubectl --kubeconfig standby -n $APP_NS get deployments,statefulsets"
ks -n "$APP_NS" get deployments,statefulsets 2>&1 | sed 's/^/    /'
info "every object of $APP_NS is there; workloads are held at 0 replicas (db, keepWarm tier=data, at 1),"
info "the primary's counts kept in pilotlight.io/primary-replicas"

# ---------------------------------------------------------------------------------------------
step "Traffic: a DNSEndpoint for ExternalDNS in namespace $PLAN_NS on the standby"
ks apply --server-side --force-conflicts --field-manager=pilotlight-demo \
  -f "$(hack/testenv/third-party-crds.sh | grep '/external-dns-')" >/dev/null
wait_crds ks dnsendpoints.externaldns.k8s.io
traffic='{"spec":{"traffic":{"externalDNS":{"dnsEndpointName":"shop","recordName":"shop.example.com","recordType":"A","ttl":60,"primaryTargets":["203.0.113.10"],"standbyTargets":["198.51.100.10"]}}}}'
show "kubectl -n $PLAN_NS patch drp $PLAN --type=merge -p '$traffic'"
ks -n "$PLAN_NS" patch drp "$PLAN" --type=merge -p "$traffic" | sed 's/^/    /'
info "ExternalDNS (not running here) would publish shop.example.com from this object; the failover flips its targets"

# Fails over with the kubectl plugin (src/kubectl-pilotlight), which creates the Failover and shows
# each step as it ends; it exits 0 only when the Failover completed.
run_failover() { # name direction
  local name="$1" flags=(--planned --yes --wait --name "$1")
  [[ "$2" == ToPrimary ]] && flags+=(--to-primary)
  show "kubectl pilotlight -n $PLAN_NS failover $PLAN ${flags[*]}"
  if ! pl failover "$PLAN" "${flags[@]}" 2>&1 | sed 's/^/    /'; then
    fail "Failover $name did not complete (kubectl pilotlight -n $PLAN_NS report $name says why)"
  fi
  echo
  show "kubectl -n $PLAN_NS get fo $name"
  ks -n "$PLAN_NS" get fo "$name" | sed 's/^/    /'
}
dns_targets() { ks -n "$PLAN_NS" get dnsendpoints.externaldns.k8s.io shop -o jsonpath='{.spec.endpoints[0].targets}' 2>/dev/null; }

stamp="$(date -u +%H%M%S)"
if [[ "$(ks -n "$PLAN_NS" get drp "$PLAN" -o jsonpath='{.status.activeSite}')" == dc2 ]]; then
  step "The standby serves since an earlier run of this demo: failing back first"
  run_failover "shop-failback-$stamp-0" ToPrimary
fi

step "A planned failover to the standby, with the kubectl plugin"
info "the primary is quiesced, a last sync copies what it left, the standby is scaled up in two waves"
info "(data, then apps) and the DNSEndpoint is pointed at the standby"
run_failover "shop-planned-$stamp" ToStandby

step "After the failover"
show "kubectl -n $PLAN_NS get drp,fo"
ks -n "$PLAN_NS" get drp,fo 2>&1 | sed 's/^/    /'
show "kubectl --kubeconfig standby -n $APP_NS get deployments,statefulsets    # serving"
ks -n "$APP_NS" get deployments,statefulsets 2>&1 | sed 's/^/    /'
show "kubectl --kubeconfig primary -n $APP_NS get deployments,statefulsets    # parked where they are"
kp -n "$APP_NS" get deployments,statefulsets 2>&1 | sed 's/^/    /'
info "DNSEndpoint $PLAN_NS/shop targets: $(dns_targets)"

step "Re-protect: a change on the active site, and the site left kept as its parked copy (dc2 → dc1)"
banner="shop-banner-$stamp"
show "kubectl --kubeconfig standby -n $APP_NS create configmap $banner --from-literal=message='changed on dc2 while it served'"
ks -n "$APP_NS" create configmap "$banner" --from-literal=message='changed on dc2 while it served' >/dev/null
# The plan protects only what carries the application's label (samples/plan.yaml, protect.labelSelector).
show "kubectl --kubeconfig standby -n $APP_NS label configmap $banner app.kubernetes.io/part-of=shop"
ks -n "$APP_NS" label configmap "$banner" app.kubernetes.io/part-of=shop >/dev/null
reprotected() {
  [[ "$(ks -n "$PLAN_NS" get drp "$PLAN" -o jsonpath='{.status.syncDirection}' 2>/dev/null)" == "dc2 → dc1" &&
    "$(cond StandbyInSync)" == True && -n "$(kp -n "$APP_NS" get configmap "$banner" -o name 2>/dev/null)" ]]
}
follow_plan "the primary is the parked, in-sync copy of the standby, the change included" "$TIMEOUT" reprotected
show "kubectl --kubeconfig primary -n $APP_NS get deployments -L pilotlight.io/adopted    # adopted, parked"
kp -n "$APP_NS" get deployments -L pilotlight.io/adopted 2>&1 | sed 's/^/    /'

step "Failing back to the primary (the same, with --to-primary: direction ToPrimary): a final sync carries the change back"
run_failover "shop-failback-$stamp" ToPrimary
show "kubectl -n $PLAN_NS get drp"
ks -n "$PLAN_NS" get drp 2>&1 | sed 's/^/    /'
info "DNSEndpoint $PLAN_NS/shop targets: $(dns_targets)"
show "kubectl --kubeconfig primary -n $APP_NS get configmap $banner -o jsonpath='{.data.message}'"
message="$(kp -n "$APP_NS" get configmap "$banner" -o jsonpath='{.data.message}' 2>/dev/null)" ||
  fail "the change made on the standby ($APP_NS/$banner) is not on the primary after the failback"
info "$message"
parked_again() { [[ "$(ks -n "$APP_NS" get deployment frontend -o jsonpath='{.spec.replicas}' 2>/dev/null)" == 0 && "$(cond StandbyInSync)" == True ]]; }
follow_plan "the sync has parked the standby again (StandbyInSync=True)" "$TIMEOUT" parked_again

step "The operator's failover metrics"
metrics | grep -E '^pilotlight_failover' | sed 's/^/    /' || true

# The audit report of the planned failover (issue 15): the plugin's text, then the Markdown copy the
# operator keeps in a ConfigMap owned by the Failover (status.report.configMap).
step "The report of the planned failover, as an auditor keeps it"
show "kubectl pilotlight -n $PLAN_NS report shop-planned-$stamp"
pl report "shop-planned-$stamp" | sed 's/^/    /'
report_cm="$(ks -n "$PLAN_NS" get fo "shop-planned-$stamp" -o jsonpath='{.status.report.configMap}')"
if [[ -n "$report_cm" ]]; then
  show "kubectl -n $PLAN_NS get configmap $report_cm -o jsonpath='{.data.report\.md}' | head -20"
  ks -n "$PLAN_NS" get configmap "$report_cm" -o jsonpath='{.data.report\.md}' | head -20 | sed 's/^/    /'
else
  info "no report ConfigMap: $(ks -n "$PLAN_NS" get fo "shop-planned-$stamp" -o jsonpath='{.status.report.note}')"
fi

step "Every plan at a glance, and this one in detail"
show "kubectl pilotlight -n $PLAN_NS status"
pl status | sed 's/^/    /'
echo
show "kubectl pilotlight -n $PLAN_NS status $PLAN"
pl status "$PLAN" | sed 's/^/    /'

# ---------------------------------------------------------------------------------------------
step "What next"
info "Try, against the standby (kubeconfig ${standby_cfg#"$repo"/}), with the operator running (KEEP=1):"
info "  kubectl pilotlight -n $PLAN_NS failover $PLAN --drill --wait    # a drill into $APP_NS-drill, removed after its TTL"
info "  kubectl pilotlight -n $PLAN_NS report <failover>               # steps, timings, RTO/RPO against the objectives"
info "  kubectl -n $PLAN_NS get drp,fo,events"
info "  make cluster-stop NAME=primary, then a Failover with type: Unplanned: the primary is fenced, and"
info "  parked when it comes back (make cluster-start NAME=primary)"
info "  deleting the plan removes its Velero Schedule from the primary (backups and copies are kept)"
step "Demo complete"
