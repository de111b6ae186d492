#!/usr/bin/env bash
# `make plugin-dist`: target/plugin/kubectl-pilotlight_linux_amd64.tar.gz (the one binary) and
# target/plugin/pilotlight.yaml, the krew manifest of src/kubectl-pilotlight/krew.yaml with this
# build's version (v0.0.0-<source hash>) and the archive's sha256. linux/amd64 only: the machine
# this is built on; other platforms are the same build with GOOS/GOARCH set.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
plugin="$("$repo/hack/ops/go-tools.sh" plugin | sed -n 's/^KUBECTL_PILOTLIGHT=//p')"
out="$repo/target/plugin"
mkdir -p "$out"
archive="$out/kubectl-pilotlight_linux_amd64.tar.gz"
tar -C "$(dirname "$plugin")" -czf "$archive" kubectl-pilotlight
version="v0.0.0-$("$plugin" version)"
sha="$(sha256sum "$archive" | cut -d' ' -f1)"
sed -e "s/VERSION/$version/g" -e "s/SHA256/$sha/" "$repo/src/kubectl-pilotlight/krew.yaml" >"$out/pilotlight.yaml"
echo "$archive"
echo "$out/pilotlight.yaml"
