#!/usr/bin/env bash
# A real Velero for the local clusters: S3Proxy as the object store (one bucket, a folder on disk) and
# one `velero server` process per cluster, both sharing that bucket as their default
# BackupStorageLocation — the primary's ReadWrite, the standby's ReadOnly, as a DR setup has it.
# Binaries come from build-velero.sh's cache. Everything listens on 127.0.0.1.
#
#   velero.sh up              install Velero's CRDs and objects on both clusters, start S3Proxy and the
#                             two servers, wait until both locations are Available (idempotent)
#   velero.sh down            stop what `up` started (by pid) and remove the bucket
#   velero.sh restart NAME    restart one server (primary|standby): it syncs the bucket's backups at once
#   velero.sh status          one line per process
#
# Ports (loopback): VELERO_S3_PORT (default 18480), PRIMARY_VELERO_PORT (18485) and STANDBY_VELERO_PORT
# (18487) for each server's metrics, +1 for its profiler. Clusters: PRIMARY_KUBECONFIG and
# STANDBY_KUBECONFIG, else the local ones of clusters.sh. VELERO_WAIT: seconds to wait for a location
# to become Available (default 60).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
source "$here/versions.env"
source "$here/lib.sh"

state="$repo/.local/velero"
velero="$(bin_dir velero "$VELERO_VERSION")/velero"
plugins="$(bin_dir velero-plugin-for-aws "$VELERO_AWS_PLUGIN_VERSION")"
s3proxy_jar="$(bin_dir s3proxy "$S3PROXY_VERSION")/s3proxy.jar"
kubectl="$(bin_dir kubernetes "$KUBERNETES_VERSION")/kubectl"
s3_port="${VELERO_S3_PORT:-18480}"
wait_seconds="${VELERO_WAIT:-60}"
bucket=pilotlight
# S3Proxy checks these; they are local test values, never a real account's.
access_key=pilotlight
secret_key=pilotlight-local-secret

metrics_port() { case "$1" in primary) echo "${PRIMARY_VELERO_PORT:-18485}" ;; standby) echo "${STANDBY_VELERO_PORT:-18487}" ;; esac; }
kubeconfig() {
  case "$1" in
    primary) echo "${PRIMARY_KUBECONFIG:-$repo/.local/primary.kubeconfig}" ;;
    standby) echo "${STANDBY_KUBECONFIG:-$repo/.local/standby.kubeconfig}" ;;
  esac
}
known() { [[ "$1" == primary || "$1" == standby ]] || die "unknown cluster '$1' (primary or standby)"; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pid_of() { [[ -f "$state/$1.pid" ]] && cat "$state/$1.pid"; }
running() { local pid; pid="$(pid_of "$1")" && kill -0 "$pid" 2>/dev/null; }
k() { "$kubectl" --kubeconfig "$(kubeconfig "$1")" "${@:2}"; }

require() {
  for f in "$velero" "$plugins/velero-plugin-for-aws" "$s3proxy_jar"; do
    [[ -e "$f" ]] || die "$f is missing: run 'make velero-bins' first"
  done
  command -v java >/dev/null || die "java is needed to run S3Proxy"
  for name in primary standby; do
    [[ -r "$(kubeconfig "$name")" ]] || die "no $(kubeconfig "$name"): run 'make clusters-up' first"
  done
}

free_port() {
  port_in_use "$1" && die "port $1 on 127.0.0.1 (for $2) is already in use; free it or set $3"
  return 0
}

start_s3proxy() {
  running s3proxy && return 0
  free_port "$s3_port" "S3Proxy" VELERO_S3_PORT
  mkdir -p "$state/s3/$bucket"
  cat > "$state/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$access_key
s3proxy.credential=$secret_key
jclouds.provider=filesystem
jclouds.filesystem.basedir=$state/s3
PROPS
  nohup java -Xmx256m -jar "$s3proxy_jar" --properties "$state/s3proxy.properties" >"$state/s3proxy.log" 2>&1 &
  echo $! > "$state/s3proxy.pid"
  local deadline=$((SECONDS + wait_seconds))
  until port_in_use "$s3_port"; do
    running s3proxy || { tail -n 20 "$state/s3proxy.log" >&2; die "S3Proxy exited at start (log: $state/s3proxy.log)"; }
    (( SECONDS < deadline )) || { tail -n 20 "$state/s3proxy.log" >&2; die "S3Proxy does not listen on 127.0.0.1:$s3_port after ${wait_seconds}s"; }
    sleep 0.5
  done
}

# What Velero needs in a cluster besides its server process.
install_objects() {
  local name="$1" mode=ReadWrite
  [[ "$name" == standby ]] && mode=ReadOnly
  local crds; crds="$("$here/third-party-crds.sh" | grep '/velero-')"
  k "$name" apply --server-side --force-conflicts --field-manager=pilotlight-testenv -f "$crds" >/dev/null
  k "$name" wait --for condition=established --timeout=60s -f "$crds" >/dev/null
  k "$name" apply --server-side --force-conflicts --field-manager=pilotlight-testenv -f - >/dev/null <<YAML
apiVersion: v1
kind: Namespace
metadata: {name: velero}
---
apiVersion: v1
kind: Secret
metadata: {name: cloud-credentials, namespace: velero}
stringData:
  cloud: |
    [default]
    aws_access_key_id=$access_key
    aws_secret_access_key=$secret_key
---
apiVersion: velero.io/v1
kind: BackupStorageLocation
metadata: {name: default, namespace: velero}
spec:
  provider: aws
  default: true
  accessMode: $mode
  objectStorage: {bucket: $bucket}
  credential: {name: cloud-credentials, key: cloud}
  config: {region: us-east-1, s3ForcePathStyle: "true", s3Url: "http://127.0.0.1:$s3_port"}
---
# Velero's restore item actions look up their own Deployment; without it every restore is
# PartiallyFailed. Zero replicas: the server runs as a local process instead.
apiVersion: apps/v1
kind: Deployment
metadata: {name: velero, namespace: velero}
spec:
  replicas: 0
  selector: {matchLabels: {component: velero}}
  template:
    metadata: {labels: {component: velero}}
    spec: {containers: [{name: velero, image: "velero/velero:$VELERO_VERSION"}]}
YAML
}

start_server() {
  local name="$1" port; port="$(metrics_port "$name")"
  running "$name" && return 0
  free_port "$port" "Velero's metrics on $name" "${name^^}_VELERO_PORT"
  free_port "$((port + 1))" "Velero's profiler on $name" "${name^^}_VELERO_PORT"
  # Its own HOME and TMPDIR: Velero writes the location's credentials under TMPDIR.
  mkdir -p "$state/$name/home" "$state/$name/tmp"
  # Velero looks at its locations on fixed ticks (validation every 10 s, the bucket's backups once a
  # minute, the first tick at start) but skips a tick until a period has passed since the location's
  # last validation and sync, which its status keeps across restarts. With the default periods (1m) a
  # restart would neither validate nor sync until a minute after the previous server did; with 1s
  # every tick does, so a restart syncs the bucket's backups at once.
  HOME="$state/$name/home" TMPDIR="$state/$name/tmp" nohup "$velero" server --kubeconfig "$(kubeconfig "$name")" \
    --namespace velero --plugin-dir "$plugins" --metrics-address "127.0.0.1:$port" \
    --profiler-address "127.0.0.1:$((port + 1))" --store-validation-frequency 1s --backup-sync-period 1s \
    >"$state/$name.log" 2>&1 &
  echo $! > "$state/$name.pid"
  date -u +%Y-%m-%dT%H:%M:%SZ > "$state/$name.started"
}

# Available as validated by this server: a phase left by an earlier one (after a restart) does not count.
await_available() {
  local name="$1" deadline=$((SECONDS + wait_seconds)) phase="" validated="" started
  started="$(cat "$state/$name.started" 2>/dev/null || echo 0)"
  while :; do
    read -r phase validated < <(k "$name" -n velero get backupstoragelocation default \
      -o jsonpath='{.status.phase} {.status.lastValidationTime}' 2>/dev/null || true) || true
    [[ "$phase" == Available && ! "$validated" < "$started" ]] && return 0
    if ! running "$name" || (( SECONDS >= deadline )); then
      echo "----- velero on $name: last 20 lines of $state/$name.log -----" >&2
      tail -n 20 "$state/$name.log" >&2
      running "$name" || die "Velero on $name exited"
      die "Velero's BackupStorageLocation on $name is not Available after ${wait_seconds}s (phase '${phase:-none}')"
    fi
    sleep 0.5
  done
}

stop_process() {
  local pid; pid="$(pid_of "$1")" || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$state/$1.pid"
}

up() {
  require
  local start=$SECONDS
  mkdir -p "$state"
  start_s3proxy
  for name in primary standby; do install_objects "$name"; done
  for name in primary standby; do start_server "$name"; done
  for name in primary standby; do await_available "$name"; done
  log "Velero $VELERO_VERSION up in $((SECONDS - start))s: S3Proxy on 127.0.0.1:$s3_port (bucket $bucket in $state/s3)," \
      "servers on primary (metrics :$(metrics_port primary)) and standby (metrics :$(metrics_port standby), location ReadOnly)"
}

case "${1:-}" in
  up) up ;;
  down)
    for p in standby primary s3proxy; do stop_process "$p"; done
    rm -rf "$state"
    log "Velero stopped" ;;
  restart)
    known "${2:-}"; require
    stop_process "$2"; start_server "$2"; await_available "$2"
    log "Velero on $2 restarted" ;;
  status)
    for p in s3proxy primary standby; do
      if running "$p"; then echo "$p: up (pid $(pid_of "$p"))"; else echo "$p: down"; fi
    done ;;
  *) die "usage: $0 up|down|restart NAME|status" ;;
esac
