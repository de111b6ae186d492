#!/usr/bin/env bash
# Builds Velero, its AWS object-store plugin (from Go modules: no release downloads here) and fetches
# S3Proxy (Maven Central) into the binary cache, one folder per component and version, like
# build-bins.sh (Velero's CRDs come from the same module, by third-party-crds.sh). A folder that is
# complete is reused.
#   build-velero.sh [velero|plugin|s3proxy]...   (default: all three)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"
source "$here/lib.sh"

export GOTOOLCHAIN=local CGO_ENABLED=0
require_go

velero_dir="$(bin_dir velero "$VELERO_VERSION")"
plugin_dir="$(bin_dir velero-plugin-for-aws "$VELERO_AWS_PLUGIN_VERSION")"
s3proxy_dir="$(bin_dir s3proxy "$S3PROXY_VERSION")"

# Both modules carry replace directives, so `go install mod@version` refuses them: build inside a
# writable copy of the downloaded module instead.
module_copy() {
  local module="$1" work="$2" src
  src="$(go mod download -json "$module" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')"
  [[ -d "$src" ]] || die "go mod download $module gave no module folder"
  cp -r "$src" "$work/src" && chmod -R u+w "$work/src"
  echo "$src"
}

build_velero() (
  [[ -x "$velero_dir/velero" ]] && exit 0
  log "building Velero $VELERO_VERSION (cold: about 9 minutes on 2 cores)"
  local work; work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  module_copy "github.com/vmware-tanzu/velero@$VELERO_VERSION" "$work" >/dev/null
  cd "$work/src"
  go mod edit -replace "k8s.io/cli-runtime=k8s.io/cli-runtime@$VELERO_CLI_RUNTIME_VERSION" \
              -replace "k8s.io/kube-aggregator=k8s.io/kube-aggregator@$VELERO_KUBE_AGGREGATOR_VERSION"
  mkdir -p "$work/out"
  # DefaultBindAddress=0: without it controller-runtime opens a metrics server on 0.0.0.0:8080.
  go build -mod=mod -trimpath -o "$work/out/velero" -ldflags "-s -w \
    -X github.com/vmware-tanzu/velero/pkg/buildinfo.Version=$VELERO_VERSION \
    -X sigs.k8s.io/controller-runtime/pkg/metrics/server.DefaultBindAddress=0" ./cmd/velero
  install_bins "$work/out" "$velero_dir"
)

build_plugin() (
  [[ -x "$plugin_dir/velero-plugin-for-aws" ]] && exit 0
  log "building velero-plugin-for-aws $VELERO_AWS_PLUGIN_VERSION (cold: about 6 minutes on 2 cores)"
  local work; work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  module_copy "github.com/vmware-tanzu/velero-plugin-for-aws@$VELERO_AWS_PLUGIN_VERSION" "$work" >/dev/null
  cd "$work/src"
  mkdir -p "$work/out"
  # Velero loads every executable of its --plugin-dir, so the folder holds this one binary only.
  go build -mod=mod -trimpath -ldflags "-s -w" -o "$work/out/velero-plugin-for-aws" ./velero-plugin-for-aws
  install_bins "$work/out" "$plugin_dir"
)

fetch_s3proxy() (
  [[ -s "$s3proxy_dir/s3proxy.jar" ]] && exit 0
  command -v mvn >/dev/null || die "mvn is needed to fetch S3Proxy from Maven Central"
  log "fetching S3Proxy $S3PROXY_VERSION from Maven Central"
  local work; work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  mvn -B -q -ntp -Dstyle.color=never dependency:copy -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" \
      -DoutputDirectory="$work/out" -Dmdep.stripVersion=true -Dmdep.stripClassifier=true >"$work/mvn.log" 2>&1 ||
    { cat "$work/mvn.log" >&2; die "Maven could not fetch S3Proxy $S3PROXY_VERSION"; }
  [[ -s "$work/out/s3proxy.jar" ]] || die "Maven gave no s3proxy.jar"
  install_bins "$work/out" "$s3proxy_dir"
)

# One build at a time per cache: `make test` starts one in the background and the tests run this
# script again, which waits here and then finds the binaries cached.
mkdir -p "$cache_root"
exec 9>"$cache_root/velero-build.lock"
flock 9

start=$SECONDS
parts=("$@"); [[ ${#parts[@]} -gt 0 ]] || parts=(s3proxy velero plugin)
for part in "${parts[@]}"; do
  case "$part" in
    velero) build_velero ;;
    plugin) build_plugin ;;
    s3proxy) fetch_s3proxy ;;
    *) die "unknown part $part (velero, plugin or s3proxy)" ;;
  esac
done
log "Velero binaries ready in $((SECONDS - start))s"
