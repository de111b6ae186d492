#!/usr/bin/env bash
# Runs the Argo CD health scripts of deploy/gitops/argocd/ on their recorded objects (testdata/, from
# hack/ops/test-e2e.sh with RECORD_DIR) with the gopher-lua harness: ARGOCD_HEALTH, from go-tools.sh.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
: "${ARGOCD_HEALTH:?}"
"$ARGOCD_HEALTH" "$repo"/deploy/gitops/argocd/pilotlight.io/*/
