#!/usr/bin/env bash
# Copies the CRDs of the third-party kinds Pilotlight writes, as their projects release them, from the
# Go module of each release into the cache: $cache/crds/velero-<v>, external-dns-<v>, gateway-api-<v>
# (Gateway API: the CRDs of its standard channel, without its ValidatingAdmissionPolicy). Prints the folders; a folder already filled is reused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/versions.env"
source "$here/lib.sh"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod
require_go

module_dir() {
  local dir
  # go mod download needs a module context only to resolve; any folder does with an explicit version.
  dir="$(cd "$(mktemp -d)" && go mod download -json "$1" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')"
  [[ -d "$dir" ]] || die "go mod download $1 gave no module folder"
  echo "$dir"
}

copy_crds() {
  local to="$cache_root/crds/$1" module="$2"; shift 2
  if [[ ! -d "$to" ]]; then
    local src work; src="$(module_dir "$module")"; work="$(mktemp -d)"
    for pattern in "$@"; do eval "cp \"\$src\"/$pattern \"\$work/\""; done
    install_bins "$work" "$to"
    rm -rf "$work"
  fi
  echo "$to"
}

copy_crds "velero-$VELERO_VERSION" "github.com/vmware-tanzu/velero@$VELERO_VERSION" \
  'config/crd/v1/bases/*.yaml' 'config/crd/v2alpha1/bases/*.yaml'
copy_crds "external-dns-$EXTERNAL_DNS_VERSION" "sigs.k8s.io/external-dns@$EXTERNAL_DNS_VERSION" \
  'config/crd/standard/dnsendpoints.externaldns.k8s.io.yaml'
copy_crds "gateway-api-$GATEWAY_API_VERSION" "sigs.k8s.io/gateway-api@$GATEWAY_API_VERSION" \
  'config/crd/standard/gateway.networking.k8s.io_{gatewayclasses,gateways,httproutes,grpcroutes,referencegrants,backendtlspolicies}.yaml'
