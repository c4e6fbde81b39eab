#!/usr/bin/env bash
# require-libvirt0.sh - make sure libvirt.so.0 (Debian package libvirt0) is loadable, so that
# libvirt-java (JNA) can open test:///default without any daemon.
#
# Runs before every launch/test: when the library is already there it only stats a few
# files (a few ms) and exits 0 silently.
#   exit 0  library present (or just installed)
#   exit 3  missing and cannot install it here (not root / no apt-get): prints what to install
#   exit 4  installation attempted and failed
# Env: GVE_QUIET=1   no log line even when installing
set -euo pipefail
log() { [ "${GVE_QUIET:-0}" = 1 ] || echo "[require-libvirt0] $*" >&2; }

have_lib() {
  local d
  for d in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib /lib/x86_64-linux-gnu /usr/local/lib; do
    [ -e "$d/libvirt.so.0" ] && return 0
  done
  # unusual layout: ask the dynamic linker cache (slower, ~10 ms)
  command -v ldconfig >/dev/null 2>&1 && ldconfig -p 2>/dev/null | grep -q 'libvirt\.so\.0 ' && return 0
  [ -x /sbin/ldconfig ] && /sbin/ldconfig -p 2>/dev/null | grep -q 'libvirt\.so\.0 ' && return 0
  return 1
}

have_lib && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "GVE needs libvirt0 (libvirt.so.0): sudo apt-get install libvirt0" >&2
  elif command -v dnf >/dev/null 2>&1; then
    echo "GVE needs libvirt.so.0: sudo dnf install libvirt-libs" >&2
  else
    echo "GVE needs the libvirt client library libvirt.so.0 (Debian/Ubuntu: apt-get install libvirt0; Fedora/RHEL: dnf install libvirt-libs)" >&2
  fi
  exit 3
fi

export DEBIAN_FRONTEND=noninteractive
APT=(apt-get -q -o DPkg::Lock::Timeout=600 -o APT::Get::Show-Versions=false)
log "libvirt.so.0 not found: installing Debian package libvirt0"
t0=$(date +%s)
# apt-get update only if the package lists do not know libvirt0, or if installing from them fails
# (stale lists -> 404 on the mirror)
if ! apt-cache show libvirt0 >/dev/null 2>&1; then
  log "apt lists do not know libvirt0: apt-get update"
  "${APT[@]}" update >/dev/null || { echo "[require-libvirt0] apt-get update failed" >&2; exit 4; }
fi
if ! "${APT[@]}" install -y --no-install-recommends libvirt0 >/tmp/require-libvirt0.$$.log 2>&1; then
  log "install failed, retrying after apt-get update"
  "${APT[@]}" update >/dev/null 2>&1 || true
  if ! "${APT[@]}" install -y --no-install-recommends libvirt0 >/tmp/require-libvirt0.$$.log 2>&1; then
    echo "[require-libvirt0] apt-get install libvirt0 failed:" >&2; tail -20 /tmp/require-libvirt0.$$.log >&2
    rm -f /tmp/require-libvirt0.$$.log; exit 4
  fi
fi
rm -f /tmp/require-libvirt0.$$.log
have_lib || { echo "[require-libvirt0] libvirt0 installed but libvirt.so.0 still not found" >&2; exit 4; }
log "libvirt0 $(dpkg-query -W -f='${Version}' libvirt0) installed in $(( $(date +%s) - t0 ))s"
