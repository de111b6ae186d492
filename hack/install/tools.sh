#!/usr/bin/env bash
# Builds (or reuses from the cache) crane and helm from their Go modules. Prints nothing on a warm run.
set -euo pipefail
here="$(cd "$(dirname "$0")/../testenv" && pwd)"
source "$here/versions.env"
source "$here/lib.sh"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

go_tool() { # <name> <version> <module path of the main package>
  local dir; dir="$(bin_dir "$1" "$2")"
  [[ -x "$dir/$1" ]] && return 0
  require_go
  log "building $1 $2 (cold: a few minutes)"
  local work; work="$(mktemp -d)"
  GOBIN="$work/out" nice go install -trimpath -ldflags "-s -w" "$3@$2"
  install_bins "$work/out" "$dir"
  rm -rf "$work"
}

go_tool crane "$CRANE_VERSION" github.com/google/go-containerregistry/cmd/crane
go_tool helm "$HELM_VERSION" helm.sh/helm/v3/cmd/helm
