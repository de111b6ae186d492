#!/usr/bin/env bash
# A loopback OCI registry (crane registry serve) for `make image` and the install tests, with its
# blobs on disk in the cache so that a warm start re-pushes nothing big.
#   registry.sh up     start it on a free 127.0.0.1 port unless it runs; prints host:port
#   registry.sh down   stop the one this worktree started
#   registry.sh status exit 0 when it runs
set -euo pipefail
here="$(cd "$(dirname "$0")/../testenv" && pwd)"
source "$here/versions.env"
source "$here/lib.sh"
state="$(cd "$here/../.." && pwd)/.local/registry"
crane="$(bin_dir crane "$CRANE_VERSION")/crane"

running() { [[ -f "$state.pid" ]] && kill -0 "$(cat "$state.pid")" 2>/dev/null; }

case "${1:-}" in
  up)
    if running; then cat "$state.addr"; exit 0; fi
    mkdir -p "$(dirname "$state")" "$cache_root/registry"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    nohup "$crane" registry serve --address "127.0.0.1:$port" --disk "$cache_root/registry" > "$state.log" 2>&1 &
    echo $! > "$state.pid"
    for _ in $(seq 1 50); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { echo "127.0.0.1:$port" | tee "$state.addr"; exit 0; }
      sleep 0.2
    done
    die "the registry did not listen on 127.0.0.1:$port: $(tail -5 "$state.log")" ;;
  down)
    if running; then kill "$(cat "$state.pid")"; fi
    rm -f "$state.pid" "$state.addr" ;;
  status) running ;;
  *) die "usage: registry.sh up|down|status" ;;
esac
