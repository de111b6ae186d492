#!/usr/bin/env bash
# Runs Maven with the operator's image built by Jib (no Docker daemon) during `package`:
#   image.sh package -DskipTests     make image
#   image.sh verify                  make test: the install tests (failsafe, after package) run the image
# REGISTRY: where the image goes (ghcr.io/you, with your registry credentials in ~/.docker/config.json);
# unset: a loopback registry (registry.sh), started for this run and stopped after it (left running
# if it ran before: `hack/install/registry.sh up` keeps one for a session).
# BASE_IMAGE: the JRE base; unset with the loopback registry: one built from Debian packages
# (base-image.sh). The image is <REGISTRY>/pilotlight/pilotlight-operator:<project version>;
# its reference is written to target/image.ref.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
source "$here/../testenv/versions.env"
source "$here/../testenv/lib.sh"
"$here/tools.sh"
cd "$repo"

insecure=false
if [[ -z "${REGISTRY:-}" ]]; then
  "$here/registry.sh" status || trap '"$here/registry.sh" down' EXIT
  REGISTRY="$("$here/registry.sh" up)"
  insecure=true # plain HTTP on loopback
  BASE_IMAGE="${BASE_IMAGE:-$("$here/base-image.sh" "$REGISTRY")}"
fi
[[ -n "${BASE_IMAGE:-}" ]] || die "set BASE_IMAGE (a JRE 17 image, e.g. eclipse-temurin:17-jre) when REGISTRY is set"
version="$(sed -n 's#^  <version>\(.*\)</version>#\1#p' pom.xml | head -1)"
image="$REGISTRY/pilotlight/pilotlight-operator:$version"

start=$SECONDS
nice ${MVN:-mvn -B -ntp} "$@" \
  -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
  -Dquarkus.container-image.registry="$REGISTRY" -Dquarkus.container-image.insecure="$insecure" \
  -Dquarkus.jib.base-jvm-image="$BASE_IMAGE" \
  -Dinstall-test.image="$image" -Dinstall-test.insecure-registry="$insecure" \
  -Dinstall-test.crane="$(bin_dir crane "$CRANE_VERSION")/crane" \
  -Dinstall-test.helm="$(bin_dir helm "$HELM_VERSION")/helm" \
  -Dinstall-test.kubectl="$(bin_dir kubernetes "$KUBERNETES_VERSION")/kubectl"
echo "$image" > target/image.ref
flags=(); [[ "$insecure" == true ]] && flags=(--insecure)
sizes="$("$(bin_dir crane "$CRANE_VERSION")/crane" manifest "${flags[@]}" "$image" | python3 -c 'import json,sys; print(" ".join(str(l["size"]) for l in json.load(sys.stdin)["layers"]))')"
log "image $image in $((SECONDS - start))s: $(wc -w <<<"$sizes") layers, $(( ( $(tr ' ' '+' <<<"$sizes") ) / 1048576 )) MiB compressed (layers in bytes: $sizes)"
