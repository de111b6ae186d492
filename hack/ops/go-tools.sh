#!/usr/bin/env bash
# Builds the Go tools of the operations checks (or reuses them) and prints one NAME=path line each
# (`go-tools.sh plugin`: the plugin only):
#   KUBECTL_PILOTLIGHT  src/kubectl-pilotlight, the kubectl plugin
#   KSTATUS, ARGOCD_HEALTH, DASHCHECK  hack/ops/*, the test harnesses
# Each module is cached in ~/.cache/pilotlight/bin/<module>-<hash>/, the hash taken over its go.mod,
# go.sum, Go sources and the Go version, so a warm run builds nothing and a changed source rebuilds.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/hack/testenv/versions.env"
source "$repo/hack/testenv/lib.sh"
export GOTOOLCHAIN=local CGO_ENABLED=0
require_go

# source_hash DIR: what the binaries of the module in DIR are built from.
source_hash() {
  (cd "$1" && { go env GOVERSION; find . -name '*.go' -o -name go.mod -o -name go.sum | LC_ALL=C sort | xargs sha256sum; } |
    sha256sum | cut -c1-12)
}

# build NAME DIR: builds every main package of the module in DIR into the cache folder.
build() {
  local name="$1" dir="$repo/$2" hash out
  hash="$(source_hash "$dir")"
  out="$(bin_dir "$name" "$hash")"
  if [[ ! -d "$out" ]]; then
    log "building $2 ($name-$hash)"
    local tmp; tmp="$(mktemp -d)"
    (cd "$dir" && nice go build -trimpath -ldflags "-s -w -X main.version=$hash" -o "$tmp/" ./...)
    install_bins "$tmp" "$out"
    rm -rf "$tmp"
  fi
  echo "$out"
}

plugin="$(build kubectl-pilotlight src/kubectl-pilotlight)"
echo "KUBECTL_PILOTLIGHT=$plugin/kubectl-pilotlight"
[[ "${1:-}" == plugin ]] && exit 0
ops="$(build pilotlight-ops-tools hack/ops)"
echo "KSTATUS=$ops/kstatus"
echo "ARGOCD_HEALTH=$ops/argocd-health"
echo "DASHCHECK=$ops/dashcheck"
