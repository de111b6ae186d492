#!/usr/bin/env bash
# Prints a kubeconfig for the pilotlight-remote ServiceAccount of ./identity.yaml, with the
# cluster's CA and the token inline, ready for `kubectl create secret generic ... --from-file`.
#   deploy/remote-site/kubeconfig.sh [kubectl flags, e.g. --context primary or --kubeconfig f]
# The server address is the one in your kubeconfig: it must be reachable from where the
# operator runs.
set -euo pipefail
kubectl="${KUBECTL:-kubectl}"
k() { "$kubectl" "$@"; }
server="$(k "$@" config view --minify -o jsonpath='{.clusters[0].cluster.server}')"
[[ -n "$server" ]] || { echo "no server in the current context" >&2; exit 1; }
for _ in $(seq 1 30); do
  token="$(k "$@" -n pilotlight-system get secret pilotlight-remote-token -o jsonpath='{.data.token}' 2>/dev/null || true)"
  [[ -n "$token" ]] && break
  sleep 1 # the token controller fills the Secret in shortly after it is created
done
[[ -n "${token:-}" ]] || { echo "Secret pilotlight-system/pilotlight-remote-token has no token: apply deploy/remote-site/ first" >&2; exit 1; }
ca="$(k "$@" -n pilotlight-system get secret pilotlight-remote-token -o jsonpath='{.data.ca\.crt}')"
cat <<YAML
apiVersion: v1
kind: Config
clusters:
- name: site
  cluster:
    server: $server
    certificate-authority-data: $ca
users:
- name: pilotlight-remote
  user:
    token: $(printf '%s' "$token" | base64 -d)
contexts:
- name: site
  context:
    cluster: site
    user: pilotlight-remote
current-context: site
YAML
