# Shared helpers for the hack/testenv scripts: cache paths, logging, preconditions.
cache_root="${PILOTLIGHT_CACHE:-$HOME/.cache/pilotlight}"

log() { echo "[testenv] $*" >&2; }
die() { echo "[testenv] ERROR: $*" >&2; exit 1; }

bin_dir() { echo "$cache_root/bin/$1-$2"; }

require_go() {
  command -v go >/dev/null || die "go is not installed; install Go $GO_MIN_VERSION or newer (Debian: golang-go, or the machine's /usr/local/go)"
  local v; v="$(go env GOVERSION)"; v="${v#go}"
  if [[ "$(printf '%s\n%s\n' "$GO_MIN_VERSION" "$v" | sort -V | head -1)" != "$GO_MIN_VERSION" ]]; then
    die "go $v is too old; Go $GO_MIN_VERSION or newer is needed to build the pinned Kubernetes"
  fi
}

# Moves freshly built binaries into the cache folder in one step so that an interrupted
# build never leaves a half-filled folder that looks complete.
install_bins() {
  local from="$1" to="$2"
  mkdir -p "$(dirname "$to")"
  rm -rf "$to.tmp" && cp -r "$from" "$to.tmp" && rm -rf "$to" && mv "$to.tmp" "$to"
}
