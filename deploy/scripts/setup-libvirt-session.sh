#!/usr/bin/env bash
# setup-libvirt-session.sh - a second libvirt "host" on the same machine, for live-migration tests:
# a session libvirtd run by a second Unix user (default gvemig) with its own host_uuid, so that
# the root qemu:///system daemon accepts it as a different host.
#
# Idempotent; ~0.1 s when the session daemon already runs. Needs setup-libvirt.sh to have run
# (packages, qemu:///system); --selftest also needs its guest files.
#
# Usage: setup-libvirt-session.sh [--user NAME] [--stop] [--selftest] [--uri]
#   --user NAME   Unix user owning the session daemon (env GVE_MIG_USER, default gvemig)
#   --stop        stop that user's session libvirtd (and its domains' QEMUs, which it does not kill)
#   --selftest    live-migrate a tiny guest qemu:///system -> session daemon and back, then destroy it
#   --uri         only print the connection URI
# Prints (last line of a normal run): the URI to give libvirt, e.g.
#   qemu+unix:///session?socket=/home/gvemig/.cache/libvirt/libvirt-sock
# Also writes it to /var/lib/gve/libvirt-session.uri.
# Migrate:  virsh -c qemu:///system migrate --live --unsafe --xml DEST.xml DOM "$URI" --migrateuri tcp://127.0.0.1:49200
#   DEST.xml = the domain XML with file paths (serial log, ...) the second user can write.
set -euo pipefail
MUSER=${GVE_MIG_USER:-gvemig}
ACTION=start
GUEST_DIR=${GVE_GUEST_DIR:-/var/lib/libvirt/images/gve-tiny}
MIG_PORT=${GVE_MIG_PORT:-49200}
while [ $# -gt 0 ]; do
  case "$1" in
    --user) MUSER=${2:?--user needs a name}; shift;;
    --user=*) MUSER=${1#*=};;
    --stop) ACTION=stop;;
    --selftest) ACTION=selftest;;
    --uri) ACTION=uri;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "setup-libvirt-session: unknown argument '$1' (see --help)" >&2; exit 2;;
  esac; shift
done
T0=$(date +%s%N)
log() { echo "[setup-libvirt-session +$(( ($(date +%s%N) - T0) / 1000000 ))ms] $*"; }
die() { echo "[setup-libvirt-session] ERROR: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "must run as root (creates user $MUSER, starts its daemon)"

MHOME=/home/$MUSER
SOCK=$MHOME/.cache/libvirt/libvirt-sock
PIDF=$MHOME/.cache/libvirt/libvirtd.pid
URI="qemu+unix:///session?socket=$SOCK"
[ "$ACTION" = uri ] && { echo "$URI"; exit 0; }
asuser() { runuser -u "$MUSER" -- env -i HOME="$MHOME" USER="$MUSER" LOGNAME="$MUSER" PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
# our daemon: the pid file names a live (not zombie) libvirtd
alive() { local p st; p=$(cat "$PIDF" 2>/dev/null) && [ "$(cat "/proc/$p/comm" 2>/dev/null)" = libvirtd ] \
          && st=$(cut -d' ' -f3 "/proc/$p/stat" 2>/dev/null) && [ "$st" != Z ]; }
answers() { virsh -q -c "$URI" version >/dev/null 2>&1; }

if [ "$ACTION" = stop ]; then
  if alive; then
    pid=$(cat "$PIDF")
    # QEMUs of running session domains outlive the daemon: destroy them first
    for d in $(virsh -q -c "$URI" list --name 2>/dev/null); do virsh -q -c "$URI" destroy "$d" >/dev/null 2>&1 || true; done
    kill "$pid"; for _ in $(seq 100); do alive || break; sleep 0.1; done
    alive && die "session libvirtd pid $pid did not stop"
    log "stopped session libvirtd pid $pid ($MUSER)"
  else log "session libvirtd of $MUSER is not running"; fi
  exit 0
fi

command -v libvirtd >/dev/null && command -v virsh >/dev/null || die "libvirt not installed: run deploy/scripts/setup-libvirt.sh first"

# ---- 1. user, config with its own host_uuid ---------------------------------------------------
if ! id "$MUSER" >/dev/null 2>&1; then
  useradd -m -d "$MHOME" -s /bin/sh "$MUSER" || die "useradd $MUSER failed"
  log "created user $MUSER ($MHOME)"
fi
getent group kvm >/dev/null && ! id -nG "$MUSER" | grep -qw kvm && usermod -aG kvm "$MUSER"
CONF=$MHOME/.config/libvirt
asuser mkdir -p "$CONF" "$MHOME/.cache/libvirt" "$MHOME/images"
if ! grep -q '^host_uuid' "$CONF/libvirtd.conf" 2>/dev/null; then
  SYS_UUID=$(virsh -q -c qemu:///system capabilities 2>/dev/null | sed -n 's#.*<uuid>\(.*\)</uuid>.*#\1#p' | head -1 || true)
  while :; do U=$(cat /proc/sys/kernel/random/uuid); [ "$U" != "$SYS_UUID" ] && break; done
  asuser sh -c "printf '%s\n' '# gve: own host uuid, so qemu:///system sees another host (live migration tests)' 'host_uuid = \"$U\"' > '$CONF/libvirtd.conf'"
  log "host_uuid $U written to $CONF/libvirtd.conf"
fi
# (migration_address/migration_host = 127.0.0.1 are refused by libvirt: give --migrateuri instead)
QC='# gve: no virtlogd for the session daemon
stdio_handler = "file"'
if [ "$(cat "$CONF/qemu.conf" 2>/dev/null)" != "$QC" ]; then
  asuser sh -c "cat > '$CONF/qemu.conf'" <<<"$QC"
  alive && { log "qemu.conf changed: restarting session daemon"; kill "$(cat "$PIDF")"; sleep 1; }
fi

# ---- 2. session libvirtd ------------------------------------------------------------------------
if ! alive || ! answers; then
  alive && { log "session libvirtd pid $(cat "$PIDF") does not answer: restarting"; kill "$(cat "$PIDF")"; sleep 1; }
  SLOG=$MHOME/.cache/libvirt/libvirtd.log; LOGSZ=$(stat -c %s "$SLOG" 2>/dev/null || echo 0)
  log "starting session libvirtd as $MUSER (log $SLOG)"
  asuser env LIBVIRT_LOG_OUTPUTS="3:file:$MHOME/.cache/libvirt/libvirtd.log" libvirtd -d --pid-file "$PIDF" \
    || die "session libvirtd failed to start"
  for _ in $(seq 300); do answers && break; alive || break; sleep 0.1; done
  answers || { tail -c +$((LOGSZ + 1)) "$SLOG" | grep -v -e dnsmasq -e 'system bus' -e DMI >&2 || true
               alive && die "session libvirtd did not answer on $URI within 30 s" || die "session libvirtd exited (log above)"; }
  log "session libvirtd up (pid $(cat "$PIDF"), host uuid $(virsh -q -c "$URI" capabilities | sed -n 's#.*<uuid>\(.*\)</uuid>.*#\1#p' | head -1))"
fi
mkdir -p /var/lib/gve; echo "$URI" > /var/lib/gve/libvirt-session.uri

# ---- 3. optional self test: live migration system -> session -> system -------------------------
if [ "$ACTION" = selftest ]; then
  SYS=qemu:///system; N=gve-migtest; W=/var/lib/gve/migtest
  [ -s "$GUEST_DIR/gve-tiny.xml" ] || die "no $GUEST_DIR/gve-tiny.xml: run deploy/scripts/setup-libvirt.sh first"
  cleanup() {
    virsh -q -c "$URI" destroy $N >/dev/null 2>&1 || true
    virsh -q -c $SYS destroy $N >/dev/null 2>&1 || true
  }
  trap cleanup EXIT
  cleanup
  mkdir -p "$W"; chmod 777 "$W"; rm -f "$W"/*
  qemu-img create -q -f qcow2 -F qcow2 -b "$GUEST_DIR/template.qcow2" "$W/$N.qcow2"; chmod 666 "$W/$N.qcow2"
  sed -e "s#<name>gve-tiny</name>#<name>$N</name>#" -e "s#$GUEST_DIR/gve-tiny.qcow2#$W/$N.qcow2#" \
      -e "s#$GUEST_DIR/gve-tiny.serial.log#$W/$N.src.serial.log#" -e "s#gve.hostname=gve-tiny#gve.hostname=$N#" "$GUEST_DIR/gve-tiny.xml" > "$W/$N.src.xml"
  virsh -q -c $SYS create "$W/$N.src.xml" >/dev/null
  # destination XML = the running domain's migratable XML (same uuid) with paths the second user can write
  virsh -q -c $SYS dumpxml --migratable $N | sed -e "s#$N.src.serial.log#$N.dst.serial.log#" > "$W/$N.dst.xml"
  virsh -q -c $SYS dumpxml --migratable $N > "$W/$N.back.xml"
  for _ in $(seq 300); do grep -aq GVE-GUEST-MARKER "$W/$N.src.serial.log" 2>/dev/null && break; sleep 0.1; done
  grep -aq GVE-GUEST-MARKER "$W/$N.src.serial.log" || die "selftest: guest did not boot (see $W/$N.src.serial.log)"
  log "guest $N running on $SYS"
  t=$(date +%s%N)
  virsh -q -c $SYS migrate --live --unsafe --xml "$W/$N.dst.xml" $N "$URI" --migrateuri tcp://127.0.0.1:$MIG_PORT \
    || die "selftest: migration $SYS -> $URI failed"
  log "live-migrated to the session daemon in $(( ($(date +%s%N) - t) / 1000000 )) ms: state there '$(virsh -q -c "$URI" domstate $N)', on system: $(virsh -q -c $SYS domstate $N >/dev/null 2>&1 && echo 'still there (unexpected)' || echo gone)"
  sleep 0.5
  virsh -q -c "$URI" qemu-agent-command $N '{"execute":"guest-ping"}' >/dev/null 2>&1 \
    && log "guest agent answers on the destination" || log "guest agent did not answer on the destination (no qga?)"
  t=$(date +%s%N)
  virsh -q -c "$URI" migrate --live --unsafe --xml "$W/$N.back.xml" $N $SYS --migrateuri tcp://127.0.0.1:$((MIG_PORT + 1)) \
    || die "selftest: migration back $URI -> $SYS failed"
  log "live-migrated back to $SYS in $(( ($(date +%s%N) - t) / 1000000 )) ms: state '$(virsh -q -c $SYS domstate $N)'"
  cleanup; trap - EXIT
  [ -z "$(virsh -q -c $SYS list --name; virsh -q -c "$URI" list --name)" ] || log "note: other domains are running"
  log "selftest passed (guest destroyed in both daemons)"
fi
log "connect with: virsh -c '$URI'"
echo "$URI"
