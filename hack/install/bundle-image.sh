#!/usr/bin/env bash
# Pushes the OLM bundle image of target/bundle/pilotlight/ (make bundle) without a Docker daemon: what its
# bundle.Dockerfile describes (FROM scratch, manifests/ and metadata/ at the root, the annotations of
# metadata/annotations.yaml as labels), one layer built with crane. Prints the image's reference:
#   <REGISTRY>/pilotlight/pilotlight-operator-bundle:<the CSV's version>
# REGISTRY: where it goes (credentials from ~/.docker/config.json); INSECURE=true for plain HTTP (loopback).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
source "$here/../testenv/versions.env"
source "$here/../testenv/lib.sh"
"$here/tools.sh"
crane="$(bin_dir crane "$CRANE_VERSION")/crane"
bundle="$repo/target/bundle/pilotlight"
csv="$bundle/manifests/pilotlight.clusterserviceversion.yaml"
[[ -n "${REGISTRY:-}" ]] || die "set REGISTRY (e.g. registry.example.com/team): the bundle image goes there"
[[ -f "$csv" && -f "$bundle/metadata/annotations.yaml" ]] || die "no bundle in $bundle: run 'make bundle' first"
version="$(sed -n 's/^  version: //p' "$csv")"
ref="$REGISTRY/pilotlight/pilotlight-operator-bundle:$version"
flags=(); [[ "${INSECURE:-false}" == true ]] && flags=(--insecure)

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# The same bytes for the same bundle: sorted, owned by root, no timestamps.
tar -C "$bundle" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$work/bundle.tar" manifests metadata
labels=()
while IFS= read -r label; do labels+=(--label "$label"); done < <(sed -n 's/^  \([^:]*\): \(.*\)$/\1=\2/p' "$bundle/metadata/annotations.yaml")
[[ ${#labels[@]} -gt 0 ]] || die "no annotations in $bundle/metadata/annotations.yaml"
"$crane" append "${flags[@]}" -f "$work/bundle.tar" -t "$ref.layer" >/dev/null
"$crane" mutate "${flags[@]}" "$ref.layer" --set-platform linux/amd64 "${labels[@]}" -t "$ref" >/dev/null
"$crane" delete "${flags[@]}" "$("$crane" digest "${flags[@]}" --full-ref "$ref.layer")" 2>/dev/null || true
echo "$ref"
