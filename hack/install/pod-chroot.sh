#!/usr/bin/env bash
# Runs an image's file system as a Pod's container would, without a container runtime: a read-only
# root, /proc of its own PID namespace, /dev, an emptyDir-like tmpfs on /tmp and the ServiceAccount
# token directory where in-cluster clients look for it, then the command as the Pod's user.
#   unshare --mount --pid --fork --kill-child pod-chroot.sh ROOT SA_DIR UID:GID WORKDIR -- COMMAND...
# Under unshare the mounts and processes live in namespaces of their own: they vanish with it.
set -euo pipefail
root="$1" sa="$2" user="$3" workdir="$4"; shift 4
[[ "${1:-}" == -- ]] && shift
[[ "$$" == 1 ]] || { echo "run me under unshare --mount --pid --fork" >&2; exit 2; }
# /var/run is a symlink to /run in Debian: resolve it inside the image, never on the host.
sa_target="$root/var/run/secrets/kubernetes.io/serviceaccount"
[[ -L "$root/var/run" ]] && sa_target="$root$(readlink "$root/var/run")/secrets/kubernetes.io/serviceaccount"
mkdir -p "$sa_target" "$root/proc" "$root/dev" "$root/tmp"
mount --bind "$root" "$root"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t tmpfs -o size=64m,mode=1777 tmpfs "$root/tmp" # deploy/'s emptyDir, sizeLimit 64Mi
mount --bind "$sa" "$sa_target"
mount -o remount,bind,ro "$sa_target"
mount -o remount,bind,ro "$root" # readOnlyRootFilesystem: true
exec chroot --userspec="$user" "$root" /usr/bin/env -C "$workdir" -- "$@"
