#!/usr/bin/env bash
# Makes sure BIND9's named (Debian's bind9 package) is installed for the RFC 2136 traffic tests
# (src/test/java/io/pilotlight/testsupport/Bind9Server.java starts its own named on a loopback port).
# Idempotent: does nothing when named is already there. Installs with apt-get only when running as
# root on a Debian-like system; otherwise says what to do and fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

find_named() { command -v named 2>/dev/null || { [[ -x /usr/sbin/named ]] && echo /usr/sbin/named; } || true; }

if [[ -n "$(find_named)" ]]; then
  log "named present: $("$(find_named)" -v)"
  exit 0
fi
apt_install "named (BIND9)" bind9 bind9-dnsutils
# The package may start a system named on port 53 where an init system runs; the tests do not need it.
[[ -n "$(find_named)" ]] || die "bind9 was installed but named is still not found"
log "named installed: $("$(find_named)" -v)"
