#!/usr/bin/env bash
# Validates an OLM bundle with operator-verify (github.com/operator-framework/api, built from its Go module
# and cached in ~/.cache/pilotlight/bin/operator-verify-<version>/; operator-sdk and opm cannot be had here):
#   operator-verify.sh build         builds it (or finds it cached) and prints its path
#   operator-verify.sh check DIR     validates the bundle in DIR (manifests/, metadata/): prints what it says,
#                                    fails when it reports an error, since its exit code stays 0 then
# One build at a time per cache: `make test` starts one in the background (make olm-bins-background) and
# BundleIT runs this script again, which waits on the lock and then finds the binary cached.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../testenv/versions.env"
source "$here/../testenv/lib.sh"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

dir="$(bin_dir operator-verify "$OPERATOR_VERIFY_VERSION")"
bin="$dir/operator-verify"
mkdir -p "$cache_root"
exec 9>"$cache_root/operator-verify-build.lock"
flock 9
if [[ ! -x "$bin" ]]; then
  require_go
  log "building operator-verify $OPERATOR_VERIFY_VERSION (cold: about 2 minutes)"
  start=$SECONDS
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  GOBIN="$work/out" nice go install -trimpath -ldflags "-s -w" \
    "github.com/operator-framework/api/cmd/operator-verify@$OPERATOR_VERIFY_VERSION"
  install_bins "$work/out" "$dir"
  log "built operator-verify $OPERATOR_VERIFY_VERSION in $((SECONDS - start))s"
fi
exec 9>&-

case "${1:-}" in
  build) echo "$bin" ;;
  check)
    bundle="${2:?usage: operator-verify.sh check BUNDLE_DIR}"
    [[ -d "$bundle/manifests" && -d "$bundle/metadata" ]] || die "$bundle is not a bundle (manifests/ and metadata/)"
    rc=0; out="$("$bin" manifests "$bundle" 2>&1)" || rc=$?
    [[ -z "$out" ]] || echo "$out"
    if [[ $rc -ne 0 ]] || grep -Eq 'level=(error|fatal)' <<<"$out"; then
      die "operator-verify $OPERATOR_VERIFY_VERSION found errors in the bundle $bundle (exit code $rc)"
    fi
    echo "operator-verify $OPERATOR_VERIFY_VERSION: bundle $bundle is valid ($(grep -c 'level=warning' <<<"$out" || true) warning(s))"
    ;;
  *) die "usage: operator-verify.sh build | check BUNDLE_DIR" ;;
esac
