#!/usr/bin/env bash
# Pushes the local base image (Debian's OpenJDK 17 JRE, built with mmdebstrap since no image can be
# pulled here) to the registry given as $1, and prints its reference. Cold: about a minute to
# build, then cached as an image tarball keyed by versions.env; warm: one push of cached blobs.
# A published image uses a well-known base instead (make image BASE_IMAGE=...).
set -euo pipefail
here="$(cd "$(dirname "$0")/../testenv" && pwd)"
source "$here/versions.env"
source "$here/lib.sh"
registry="${1:?usage: base-image.sh REGISTRY}"
crane="$(bin_dir crane "$CRANE_VERSION")/crane"
tag="$BASE_DEBIAN_SUITE-${BASE_JRE_PACKAGE%-jre-headless}-r$BASE_IMAGE_REVISION"
ref="$registry/pilotlight/base-jre:$tag"
cached="$cache_root/images/base-jre-$tag.tar"

if [[ ! -f "$cached" ]]; then
  log "building the base image $tag from Debian packages (cold: about two minutes)"
  if ! command -v mmdebstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null
  fi
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  mirror=http://deb.debian.org/debian
  # The JRE's postinst needs /usr/share/man while it runs; documentation goes afterwards. User 185
  # (the image's USER) gets a passwd entry so that the JVM knows its home.
  nice mmdebstrap --mode=root --variant=apt --include="$BASE_JRE_PACKAGE,ca-certificates" \
    --customize-hook='chroot "$1" useradd --uid 185 --gid 0 --home-dir /home/jboss --create-home --shell /usr/sbin/nologin jboss' \
    --customize-hook='rm -rf "$1"/usr/share/doc/* "$1"/usr/share/man/* "$1"/usr/share/info/* "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*' \
    "$BASE_DEBIAN_SUITE" "$work/rootfs.tar" \
    "deb $mirror $BASE_DEBIAN_SUITE main" "deb $mirror $BASE_DEBIAN_SUITE-updates main" \
    "deb http://deb.debian.org/debian-security $BASE_DEBIAN_SUITE-security main" >&2
  java_home="$(tar -tf "$work/rootfs.tar" | sed -n 's#^\./\(usr/lib/jvm/java-[0-9]*-openjdk-[a-z0-9]*\)/$#/\1#p' | head -1)"
  [[ -n "$java_home" ]] || die "no JVM in the base image"
  "$crane" append --insecure -f "$work/rootfs.tar" -t "$ref.unmutated" >/dev/null
  "$crane" mutate --insecure "$ref.unmutated" --set-platform linux/amd64 -t "$ref" \
    --env "PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --env "JAVA_HOME=$java_home" >/dev/null
  mkdir -p "$(dirname "$cached")"
  "$crane" pull --insecure "$ref" "$cached.tmp" && mv "$cached.tmp" "$cached"
else
  "$crane" push --insecure "$cached" "$ref" >/dev/null
fi
echo "$ref"
