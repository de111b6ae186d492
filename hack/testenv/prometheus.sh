#!/usr/bin/env bash
# Makes sure Prometheus (Debian's prometheus package: the server and promtool) is installed for the
# alert rule tests and the dashboard query test (hack/ops/), which start their own server on a
# loopback port. Idempotent; installs with apt-get only as root on a Debian-like system, as bind9.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

if command -v promtool >/dev/null && command -v prometheus >/dev/null; then
  log "prometheus present: $(prometheus --version 2>&1 | sed -n 1p)"
  exit 0
fi
apt_install "prometheus/promtool" prometheus
# The package may start a system Prometheus on :9090 where an init system runs; the tests do not use it.
command -v promtool >/dev/null || die "prometheus was installed but promtool is still not found"
log "prometheus installed: $(prometheus --version 2>&1 | sed -n 1p)"
