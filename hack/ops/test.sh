#!/usr/bin/env bash
# `make test-ops`: the checks of the operations tooling, each timed:
#   alerts         promtool check/test rules on deploy/monitoring/prometheusrule.yaml
#   argocd-health  the Argo CD health scripts of deploy/gitops/argocd on their recorded objects
#   e2e            the kubectl plugin, kstatus and the dashboard's queries against the real operator
#                  and a real Prometheus on the local clusters (hack/ops/test-e2e.sh)
# The Go tools come from hack/ops/go-tools.sh (cached); the operator from target/quarkus-app.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
start=$SECONDS
eval "$(hack/ops/go-tools.sh)"
export KUBECTL_PILOTLIGHT KSTATUS ARGOCD_HEALTH DASHCHECK
echo "[test-ops] Go tools ready in $((SECONDS - start))s"
for check in alerts argocd-health e2e; do
  t=$SECONDS
  "hack/ops/test-$check.sh"
  echo "[test-ops] $check passed in $((SECONDS - t))s"
done
echo "[test-ops] all passed in $((SECONDS - start))s"
