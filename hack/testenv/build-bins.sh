#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, etcd, etcdctl,
# kwok and kwokctl from Go modules (no release downloads are possible here) into a cache
# outside the repository, one folder per component and version. A folder that already
# holds every binary is reused, so a warm run returns at once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"
source "$here/lib.sh"

export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
require_go

build_date="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
k8s_dir="$(bin_dir kubernetes "$KUBERNETES_VERSION")"
etcd_dir="$(bin_dir etcd "$ETCD_VERSION")"
kwok_dir="$(bin_dir kwok "$KWOK_VERSION")"

have_all() { local d="$1"; shift; for b in "$@"; do [[ -x "$d/$b" ]] || return 1; done; }


build_kubernetes() (
  have_all "$k8s_dir" kube-apiserver kube-controller-manager kube-scheduler kubectl && exit 0
  log "building Kubernetes $KUBERNETES_VERSION (cold: tens of minutes)"
  local work; work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  cd "$work"
  go mod init pilotlight.local/k8s-bins >/dev/null 2>&1
  go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" >/dev/null
  local src; src="$(go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')"
  # kubernetes points its staging modules at local folders; a consumer needs the
  # published module of the same release instead (v1.X.Y -> v0.X.Y).
  local staging_version="v0.${KUBERNETES_VERSION#v1.}"
  {
    echo "require k8s.io/kubernetes $KUBERNETES_VERSION"
    sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*#replace \1 => \1 '"$staging_version"'#p' "$src"
  } >> go.mod
  log "generated $(grep -c '^replace' go.mod) staging replaces from kubernetes' go.mod"
  local minor="${KUBERNETES_VERSION#v1.}"; minor="${minor%%.*}"
  local pkgs=(cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler cmd/kubectl)
  local ldflags=""
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $p.gitVersion=$KUBERNETES_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor"
    ldflags+=" -X $p.gitTreeState=clean -X $p.buildDate=$build_date"
  done
  mkdir -p "$work/out"
  go build -trimpath -ldflags "-s -w $ldflags" -o "$work/out/" "${pkgs[@]/#/k8s.io/kubernetes/}"
  install_bins "$work/out" "$k8s_dir"
)

build_etcd() (
  have_all "$etcd_dir" etcd etcdctl && exit 0
  log "building etcd $ETCD_VERSION"
  local work; work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  cd "$work"
  go mod init pilotlight.local/etcd-bins >/dev/null 2>&1
  mkdir -p cmd/etcd
  # etcd's own main lives in a module with replace directives, which a consumer cannot
  # use; etcdmain is the same entry point, published in the server module.
  cat > cmd/etcd/main.go <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" "go.etcd.io/etcd/etcdctl/v3@$ETCD_VERSION" >/dev/null 2>&1 ||
    go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" "go.etcd.io/etcd/etcdctl/v3@$ETCD_VERSION"
  mkdir -p out
  go build -trimpath -ldflags "-s -w" -o out/ ./cmd/etcd go.etcd.io/etcd/etcdctl/v3
  install_bins "$work/out" "$etcd_dir"
)

build_kwok() (
  have_all "$kwok_dir" kwok kwokctl && exit 0
  log "building kwok $KWOK_VERSION"
  local work; work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  GOBIN="$work/out" go install -trimpath \
    -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION -X sigs.k8s.io/kwok/pkg/consts.KubeVersion=$KUBERNETES_VERSION" \
    "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION" "sigs.k8s.io/kwok/cmd/kwokctl@$KWOK_VERSION"
  install_bins "$work/out" "$kwok_dir"
)

start=$SECONDS
build_etcd
build_kwok
build_kubernetes
log "binaries ready in $((SECONDS - start))s:"
"$k8s_dir/kube-apiserver" --version
"$k8s_dir/kubectl" version --client | sed -n 1p
"$etcd_dir/etcd" --version | sed -n 1p
"$kwok_dir/kwokctl" --version
