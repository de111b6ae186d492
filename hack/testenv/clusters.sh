#!/usr/bin/env bash
# Local control planes for tests and the demo: two kwokctl clusters ("primary", "standby"),
# each with its own etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok
# (fake nodes that make Pods Running and Ready), all from the cached binaries of build-bins.sh
# and bound to 127.0.0.1.
#
#   clusters.sh up              start both clusters (harmless when they already run)
#   clusters.sh down            stop everything this script started and remove the data
#   clusters.sh stop NAME       stop one cluster's API server (an outage); etcd keeps the data and the
#                               other components keep running, as they would in a real outage
#   clusters.sh start NAME      start that API server again
#   clusters.sh status          one line per cluster
#
# Ports (loopback): PRIMARY_API_PORT (default 16443), PRIMARY_ETCD_PORT (12379),
# STANDBY_API_PORT (16444), STANDBY_ETCD_PORT (12479); each etcd port +1..+4 are its peer, controller
# manager, scheduler and kwok ports. Kubeconfigs: .local/<name>.kubeconfig.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
source "$here/versions.env"
source "$here/lib.sh"

local_dir="$repo/.local"
export KWOK_WORKDIR="$local_dir/kwok"
NODES="${PILOTLIGHT_NODES:-2}"
# kwok's default of 110 Pods a node would cap a benchmark of 1,000 workloads at 220 Pods.
PODS_PER_NODE="${PILOTLIGHT_PODS_PER_NODE:-1000}"
WAIT_SECONDS="${PILOTLIGHT_CLUSTER_WAIT:-180}"

k8s_dir="$(bin_dir kubernetes "$KUBERNETES_VERSION")"
etcd_dir="$(bin_dir etcd "$ETCD_VERSION")"
kwok_dir="$(bin_dir kwok "$KWOK_VERSION")"
export KWOK_KUBE_VERSION="$KUBERNETES_VERSION"
export KWOK_ETCD_VERSION="${ETCD_VERSION#v}"
export KWOK_KUBE_APISERVER_BINARY="$k8s_dir/kube-apiserver"
export KWOK_KUBE_CONTROLLER_MANAGER_BINARY="$k8s_dir/kube-controller-manager"
export KWOK_KUBE_SCHEDULER_BINARY="$k8s_dir/kube-scheduler"
export KWOK_KUBECTL_BINARY="$k8s_dir/kubectl"
export KWOK_ETCD_BINARY="$etcd_dir/etcd"
export KWOK_CONTROLLER_BINARY="$kwok_dir/kwok"
export KWOK_RUNTIME=binary
kwokctl="$kwok_dir/kwokctl"
kubectl="$k8s_dir/kubectl"

api_port() { case "$1" in primary) echo "${PRIMARY_API_PORT:-16443}" ;; standby) echo "${STANDBY_API_PORT:-16444}" ;; esac; }
etcd_port() { case "$1" in primary) echo "${PRIMARY_ETCD_PORT:-12379}" ;; standby) echo "${STANDBY_ETCD_PORT:-12479}" ;; esac; }
kubeconfig() { echo "$local_dir/$1.kubeconfig"; }
cluster_dir() { echo "$KWOK_WORKDIR/clusters/$1"; }
known() { [[ "$1" == primary || "$1" == standby ]] || die "unknown cluster '$1' (primary or standby)"; }

require_bins() {
  for b in "$KWOK_KUBE_APISERVER_BINARY" "$KWOK_ETCD_BINARY" "$KWOK_CONTROLLER_BINARY" "$kwokctl"; do
    [[ -x "$b" ]] || die "$b is missing: run 'make k8s-bins' first"
  done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

is_healthy() {
  [[ -f "$(kubeconfig "$1")" ]] && "$kubectl" --kubeconfig "$(kubeconfig "$1")" --request-timeout=3s get --raw /readyz >/dev/null 2>&1
}

# Prints the tail of every component log of a cluster, so a failed start explains itself.
show_logs() {
  local logs; logs="$(cluster_dir "$1")/logs"
  [[ -d "$logs" ]] || return 0
  for f in "$logs"/*.log; do
    [[ -s "$f" ]] || continue
    echo "----- $1/$(basename "$f" .log): last 15 lines -----" >&2
    tail -n 15 "$f" >&2
  done
}

write_config() {
  local name="$1" cfg; cfg="$KWOK_WORKDIR/$name.config.yaml"
  mkdir -p "$KWOK_WORKDIR"
  # Loopback only: kwokctl binds every component to 0.0.0.0 unless told otherwise.
  cat > "$cfg" <<YAML
apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokctlConfiguration
options:
  bindAddress: 127.0.0.1
  kubeApiserverPort: $(api_port "$name")
  etcdPort: $(etcd_port "$name")
  etcdPeerPort: $(( $(etcd_port "$name") + 1 ))
  kubeControllerManagerPort: $(( $(etcd_port "$name") + 2 ))
  kubeSchedulerPort: $(( $(etcd_port "$name") + 3 ))
  kwokControllerPort: $(( $(etcd_port "$name") + 4 ))
YAML
  echo "$cfg"
}

# Every request made with a ServiceAccount's credentials (the operator under its own RBAC, and the
# identities it impersonates) is audited, so that the install tests can name each 403 and the rule
# that was missing. Nothing else is recorded; the log is <cluster>/logs/audit.log.
write_audit_policy() {
  local policy="$KWOK_WORKDIR/audit-policy.yaml"
  cat > "$policy" <<YAML
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived, ResponseStarted]
rules:
  - level: Metadata
    userGroups: ["system:serviceaccounts"]
  - level: None
YAML
  echo "$policy"
}

up_one() {
  local name="$1"
  if is_healthy "$name"; then log "$name already up ($(api_port "$name"))"; return 0; fi
  if [[ -d "$(cluster_dir "$name")" ]]; then
    log "$name exists but is not serving: starting it"
    "$kwokctl" start cluster --name "$name" --wait "${WAIT_SECONDS}s" >&2 || { show_logs "$name"; return 1; }
  else
    # Every port is derived from the two given ones: kwokctl would pick the others at random, and two
    # clusters created at the same moment (parallel test runs) could pick the same one.
    for p in "$(api_port "$name")" $(seq "$(etcd_port "$name")" $(( $(etcd_port "$name") + 4 ))); do
      port_in_use "$p" && die "port $p on 127.0.0.1 (for cluster $name) is already in use; free it or set ${name^^}_API_PORT / ${name^^}_ETCD_PORT"
    done
    log "creating $name on 127.0.0.1:$(api_port "$name")"
    # Without leader election: with it, the controller-manager and scheduler exit when an outage test
    # keeps the API server away longer than their lease, and no Pod would be made after it.
    # The controller-manager's client limits and workers as a production control plane of a thousand
    # workloads sets them: at its defaults (20 requests/s, 5 workers per kind) scaling 1,000
    # Deployments takes minutes, and a benchmark's floor would measure that limit, not the API server.
    "$kwokctl" create cluster --name "$name" --config "$(write_config "$name")" \
      --kube-audit-policy "$(write_audit_policy)" \
      --extra-args kube-controller-manager=leader-elect=false --extra-args kube-scheduler=leader-elect=false \
      --extra-args kube-controller-manager=kube-api-qps=500 --extra-args kube-controller-manager=kube-api-burst=1000 \
      --extra-args kube-controller-manager=concurrent-deployment-syncs=20 \
      --extra-args kube-controller-manager=concurrent-replicaset-syncs=20 \
      --extra-args kube-controller-manager=concurrent-statefulset-syncs=20 \
      --wait "${WAIT_SECONDS}s" --quiet-pull >&2 || { show_logs "$name"; return 1; }
  fi
  # Flattened (certificates inline) so that the file can go into a kubeconfig Secret as it is.
  "$kwokctl" get kubeconfig --name "$name" > "$(kubeconfig "$name").tmp"
  "$kubectl" --kubeconfig "$(kubeconfig "$name").tmp" config view --raw --flatten > "$(kubeconfig "$name")"
  rm -f "$(kubeconfig "$name").tmp"
  local have; have="$("$kubectl" --kubeconfig "$(kubeconfig "$name")" get nodes -o name 2>/dev/null | wc -l)"
  if (( have < NODES )); then
    "$kwokctl" scale node --name "$name" --replicas "$NODES" --param ".allocatable.pods=\"$PODS_PER_NODE\"" >&2
  fi
  "$kubectl" --kubeconfig "$(kubeconfig "$name")" wait --for=condition=Ready node --all --timeout="${WAIT_SECONDS}s" >&2 ||
    { show_logs "$name"; return 1; }
  log "$name ready: $("$kubectl" --kubeconfig "$(kubeconfig "$name")" get nodes -o name | wc -l) nodes, kubeconfig $(kubeconfig "$name")"
}

# After a restart, kwok can take a minute or more to catch up with the Pods it missed; a test that
# starts right away would see Pods stay Pending. So `start` returns only once a probe Pod runs.
wait_pods_run() {
  local name="$1" pod="pilotlight-probe-$$"
  local k=("$kubectl" --kubeconfig "$(kubeconfig "$name")")
  local node; node="$("${k[@]}" get nodes -o jsonpath='{.items[0].metadata.name}')"
  "${k[@]}" -n default delete pod "$pod" --ignore-not-found --wait=false >/dev/null
  "${k[@]}" -n default run "$pod" --image=registry.invalid/probe:1 --restart=Never \
    --overrides="{\"spec\":{\"nodeName\":\"$node\"}}" >/dev/null
  local ok=0
  "${k[@]}" -n default wait --for=condition=Ready "pod/$pod" --timeout="${WAIT_SECONDS}s" >/dev/null && ok=1
  "${k[@]}" -n default delete pod "$pod" --wait=false >/dev/null
  (( ok )) || { show_logs "$name"; die "cluster $name: a probe Pod did not become Ready within ${WAIT_SECONDS}s (see the kwok-controller log above)"; }
}

down_one() {
  local name="$1"
  [[ -d "$(cluster_dir "$name")" ]] || return 0
  "$kwokctl" delete cluster --name "$name" >&2 || true
  rm -f "$(kubeconfig "$name")"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  up)
    require_bins
    mkdir -p "$local_dir"
    start=$SECONDS
    created=()
    for name in primary standby; do
      [[ -d "$(cluster_dir "$name")" ]] || created+=("$name")
      if ! up_one "$name"; then
        # Leave nothing half-started behind, but never remove a cluster that was there before.
        log "cluster $name did not come up; removing what this run created: ${created[*]:-nothing}"
        for c in "${created[@]}"; do down_one "$c"; done
        exit 1
      fi
    done
    log "clusters up in $((SECONDS - start))s"
    ;;
  down)
    [[ -x "$kwokctl" ]] || { rm -rf "$KWOK_WORKDIR"; exit 0; }
    down_one primary; down_one standby
    rm -rf "$KWOK_WORKDIR"
    ;;
  stop)
    known "${1:-}"
    pidfile="$(cluster_dir "$1")/pids/kube-apiserver.pid"
    [[ -f "$pidfile" ]] || die "cluster $1 is not running (no $pidfile)"
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do port_in_use "$(api_port "$1")" || break; sleep 0.1; done
    port_in_use "$(api_port "$1")" && die "the API server of $1 (pid $pid) did not stop"
    # The dead process may linger as a zombie that kwokctl would take for a running API server.
    rm -f "$pidfile"
    log "$1: API server stopped (pid $pid)"
    ;;
  start)
    known "${1:-}"
    start=$SECONDS
    # Forget the pid files of components that are no longer alive (the API server stopped by `stop`,
    # or one that crashed), so that kwokctl starts them again rather than taking them for running.
    for pidfile in "$(cluster_dir "$1")"/pids/*.pid; do
      [[ -f "$pidfile" ]] || continue
      if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        log "$1: $(basename "$pidfile" .pid) is not running; starting it again"
        rm -f "$pidfile"
      fi
    done
    # Starts only the components that are not running.
    "$kwokctl" start cluster --name "$1" --wait "${WAIT_SECONDS}s" >&2 || { show_logs "$1"; exit 1; }
    wait_pods_run "$1"
    log "$1: API server started; Pods run again after $((SECONDS - start))s"
    ;;
  status)
    for name in primary standby; do
      if is_healthy "$name"; then echo "$name: up on 127.0.0.1:$(api_port "$name")"
      elif [[ -d "$(cluster_dir "$name")" ]]; then echo "$name: stopped"
      else echo "$name: absent"; fi
    done
    ;;
  *) die "usage: clusters.sh up|down|status|stop NAME|start NAME" ;;
esac
