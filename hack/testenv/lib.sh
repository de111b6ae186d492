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

# Installs Debian packages that a test needs when its command is missing: with apt-get, as root only;
# otherwise says what to run and fails. Usage: apt_install "<what is missing>" package...
apt_install() {
  local what="$1"; shift
  command -v apt-get >/dev/null || die "$what is missing and there is no apt-get here: install it so that it is on PATH"
  [[ "$(id -u)" == 0 ]] || die "$what is missing: run 'sudo apt-get install -y $*' (or this script as root)"
  log "installing $* with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}
