#!/usr/bin/env bash
# Checks the alerts of deploy/monitoring/prometheusrule.yaml: `promtool check rules` on its spec (a
# plain rule file once the PrometheusRule's header is cut off), then `promtool test rules` with
# hack/ops/alerts.test.yaml, series that must fire and series that must not.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

sed -n '/^spec:/,$p' "$repo/deploy/monitoring/prometheusrule.yaml" | sed '1d; s/^  //' >"$work/pilotlight.rules.yaml"
grep -q '^groups:' "$work/pilotlight.rules.yaml" || { echo "prometheusrule.yaml: no spec.groups found" >&2; exit 1; }
cp "$repo/hack/ops/alerts.test.yaml" "$work/"
promtool check rules "$work/pilotlight.rules.yaml"
promtool test rules "$work/alerts.test.yaml"
