#!/usr/bin/env bash
# setup-guest-jvm.sh - "the guest runs the host's own JVM": a Debian kernel + busybox initramfs that
# mounts host directories read-only over 9p, brings up virtio-net (10.0.2.15/24, QEMU user
# networking; the host reaches guest ports through hostfwd) and runs `java -jar APP ARGS...` chrooted
# into them. No disk image: one initramfs serves every guest, the app is chosen on the kernel
# command line at domain-definition time (deploy/scripts/guest-jvm-domain.sh writes such domain XML).
# Two root modes (kernel command line gve.root=):
#   split (guest-jvm-domain.sh, the GVE agent): the guest's root is a tmpfs holding only these 9p shares,
#         each read-only: tag hostusr -> /usr (bin, lib, lib64, sbin are links into it: merged /usr),
#         tag hostetc -> /etc (DIR/etc, a minimal etc generated here: java's config, CA certs,
#         alternatives, ld.so.cache, passwd/group with root only; never the host's /etc),
#         tag gveapp -> the jar's directory, tag gvecred (optional) -> /gve/credential
#   full  (the default, for old domain XML): tag hostroot -> the host's whole / (the guest can read
#         everything on the host: do not use it for guests of untrusted users)
#
# Idempotent; ~0.4 s when already built (it first runs setup-libvirt.sh --no-guest for packages and
# daemons). Under TCG a guest's Java HTTP server answers ~7-9 s after `virsh create`.
#
# Usage: setup-guest-jvm.sh [--guest-dir DIR] [--rebuild] [--selftest]
#   --guest-dir DIR  output dir (env GVE_JVM_GUEST_DIR, default /var/lib/libvirt/images/gve-jvm)
#   --rebuild        rebuild even if up to date
#   --selftest       build a tiny Java HTTP server jar in /tmp, boot it in a guest with a port forward,
#                    curl it from the host, destroy the guest
# Produces in DIR: vmlinux (booted, PVH), vmlinuz, initramfs.cpio.gz, kernel-version, build-id, etc/
#
# Kernel command line understood by the guest's init (guest-jvm-domain.sh fills it in):
#   gve.app=/abs/host/path/app.jar   jar to run (its directory is the working directory)
#   gve.args=A,B,C                   program arguments, comma separated, each %XX-encoded
#   gve.jopts=-Xmx200m,-Dx=y         JVM options, same encoding
#   gve.java=/usr/lib/jvm/.../bin/java  (default /usr/bin/java of the host)
#   gve.ip=10.0.2.15/24 gve.gw=10.0.2.2 gve.net=static|dhcp|none   gve.hostname=NAME
#   gve.onexit=stay|poweroff         what to do when java exits (default stay)
#   gve.tmpsize=128m                 size of the guest's /tmp (tmpfs; the host root is read-only)
#   gve.root=split|full              see above (default full)
# Serial console lines (ttyS0): GVE-GUEST-MARKER (init done), GVE-APP-START, the app's own
# stdout/stderr, GVE-APP-EXIT rc=N; errors as GVE-GUEST-ERROR.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GUEST_DIR=${GVE_JVM_GUEST_DIR:-/var/lib/libvirt/images/gve-jvm}
DEB_CACHE=${GVE_DEB_CACHE:-/var/cache/gve/debs}
WITH_QGA=${GVE_WITH_QGA:-1}
REBUILD=0; SELFTEST=0
while [ $# -gt 0 ]; do
  case "$1" in
    --guest-dir) GUEST_DIR=${2:?--guest-dir needs a directory}; shift;;
    --guest-dir=*) GUEST_DIR=${1#*=};;
    --rebuild) REBUILD=1;;
    --selftest) SELFTEST=1;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "setup-guest-jvm: unknown argument '$1' (see --help)" >&2; exit 2;;
  esac; shift
done
case "$GUEST_DIR" in /*) ;; *) GUEST_DIR=$PWD/$GUEST_DIR;; esac
T0=$(date +%s%N)
log() { echo "[setup-guest-jvm +$(( ($(date +%s%N) - T0) / 1000000 ))ms] $*"; }
die() { echo "[setup-guest-jvm] ERROR: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "must run as root"
WORK_DIRS=(); trap 'rm -rf "${WORK_DIRS[@]}"' EXIT

# ---- 1. packages, qemu.conf, virtlogd + libvirtd: shared with the tiny-guest setup --------------
GVE_DEB_CACHE=$DEB_CACHE "$HERE/setup-libvirt.sh" --no-guest | sed -n '/apt-get\|starting\|ERROR\|restart/p'
[ "${PIPESTATUS[0]}" = 0 ] || die "setup-libvirt.sh --no-guest failed"

fetch_deb() {   # download (not install) a .deb into $DEB_CACHE, print its path
  local pkg=$1 f
  mkdir -p "$DEB_CACHE"
  f=$(ls "$DEB_CACHE/${pkg}_"*.deb 2>/dev/null | head -1 || true)
  if [ -z "$f" ]; then
    ( cd "$DEB_CACHE" && apt-get download "$pkg" >/dev/null 2>&1 ) \
      || { apt-get -q -o DPkg::Lock::Timeout=900 update >/dev/null 2>&1; ( cd "$DEB_CACHE" && apt-get download "$pkg" >/dev/null 2>&1 ); } \
      || die "apt-get download $pkg failed"
    f=$(ls "$DEB_CACHE/${pkg}_"*.deb | head -1)
  fi
  echo "$f"
}

# ---- 2. the guest's init -----------------------------------------------------------------------
INIT=$(cat <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts; mount -t devpts devpts /dev/pts
exec </dev/null >/dev/ttyS0 2>&1   # the initramfs has no /dev/console when init starts
say() { echo "$*"; }
err() { echo "GVE-GUEST-ERROR: $*"; }
dec() { printf '%b' "$(echo "$1" | sed 's/%\([0-9A-Fa-f][0-9A-Fa-f]\)/\\x\1/g')"; }   # %XX-decoding
for m in $(cat /lib/modules/order); do insmod /lib/modules/$m.ko 2>/dev/null; done
NET=static; IP=10.0.2.15/24; GW=10.0.2.2; HN=gve-jvm; APP=; ARGS=; JOPTS=; JAVA=/usr/bin/java; ONEXIT=stay; TMPSIZE=128m; ROOT=full
for a in $(cat /proc/cmdline); do case "$a" in
  gve.net=*) NET=${a#*=};; gve.ip=*) IP=${a#*=};; gve.gw=*) GW=${a#*=};; gve.hostname=*) HN=${a#*=};;
  gve.app=*) APP=$(dec "${a#*=}");; gve.args=*) ARGS=${a#*=};; gve.jopts=*) JOPTS=${a#*=};;
  gve.java=*) JAVA=$(dec "${a#*=}");; gve.onexit=*) ONEXIT=${a#*=};; gve.tmpsize=*) TMPSIZE=${a#*=};;
  gve.root=*) ROOT=${a#*=};;
esac; done
hostname "$HN"
acpid -c /etc/acpi -l /dev/null       # ACPI power button => poweroff
# ---- qemu guest agent on the org.qemu.guest_agent.0 port (if the domain has that channel)
if [ -x /usr/sbin/qemu-ga ]; then
  QGA=; for p in /sys/class/virtio-ports/*; do
    [ -e "$p/name" ] && [ "$(cat $p/name)" = org.qemu.guest_agent.0 ] && QGA=/dev/${p##*/}
  done
  [ -n "$QGA" ] && /usr/sbin/qemu-ga -m virtio-serial -p "$QGA" -t /var/run -f /var/run/qemu-ga.pid &
fi
# ---- network: QEMU user networking (slirp) 10.0.2.0/24, gateway/host 10.0.2.2, DNS 10.0.2.3
ip link set lo up
NETINFO=none
if [ "$NET" != none ]; then
  for i in 1 2 3 4 5 6 7 8 9 10; do [ -e /sys/class/net/eth0 ] && break; sleep 0.1; done
  if [ -e /sys/class/net/eth0 ]; then
    ip link set eth0 up
    if [ "$NET" = dhcp ]; then udhcpc -i eth0 -q -n -t 5 -T 1 -s /usr/share/udhcpc/default.script >/dev/null 2>&1 || err "dhcp failed"
    else ip addr add "$IP" dev eth0 && ip route add default via "$GW" || err "static network setup failed"; fi
    NETINFO="eth0 $(ip -4 -o addr show eth0 | awk '{print $4}')"
  else err "no eth0 (no virtio-net device?)"; fi
fi
# ---- host directories, read-only, over 9p (multidevs='remap' on the host side, else java fails)
P9="trans=virtio,version=9p2000.L,ro,cache=loose,msize=512000"
TAGS=" $(cat /sys/bus/virtio/drivers/9pnet_virtio/virtio*/mount_tag 2>/dev/null | tr '\000\n' '  ') "
APPDIR=; [ -n "$APP" ] && APPDIR=${APP%/*} && [ -z "$APPDIR" ] && APPDIR=/
ROOTOK=1
if [ "$ROOT" = split ]; then
  # the guest's own root: a small tmpfs; only the shares below come from the host
  mount -t tmpfs -o size=16m,mode=755 tmpfs /host
  mkdir -p /host/usr /host/etc /host/tmp /host/run /host/var/tmp /host/proc /host/sys /host/dev /host/root /host/gve
  for l in bin lib lib64 sbin; do ln -s usr/$l /host/$l; done
  ln -s /run /host/var/run
  mount -t 9p -o $P9 hostusr /host/usr || { ROOTOK=; err "cannot mount the 9p share 'hostusr' (the host's /usr)"; }
  mount -t 9p -o $P9 hostetc /host/etc || { ROOTOK=; err "cannot mount the 9p share 'hostetc' (setup-guest-jvm.sh's etc/)"; }
  mount -t tmpfs -o size=$TMPSIZE,mode=1777 tmpfs /host/tmp
  mount -t tmpfs -o mode=755 tmpfs /host/run
  mount -t tmpfs -o size=16m,mode=1777 tmpfs /host/var/tmp
  if [ -n "$APPDIR" ] && [ "$APPDIR" != / ]; then
    mkdir -p "/host$APPDIR" && mount -t 9p -o $P9 gveapp "/host$APPDIR" \
      || err "cannot mount the 9p share 'gveapp' (the directory of $APP) at $APPDIR"
  fi
  mkdir -p /host/gve/credential   # the VM's own credential directory, when the domain shares one
  mount -t 9p -o $P9 gvecred /host/gve/credential 2>/dev/null \
    || case "$TAGS" in *" gvecred "*) err "cannot mount the 9p share 'gvecred'";; esac
elif ! mount -t 9p -o $P9 hostroot /host; then
  ROOTOK=; err "cannot mount the 9p share 'hostroot' (domain needs <filesystem> with target dir='hostroot', or gve.root=split)"
else
  # bind the app dir before tmpfs covers /tmp (the jar may live in the host's /tmp)
  if [ -n "$APPDIR" ] && [ "$APPDIR" != / ]; then
    if [ -d "/host$APPDIR" ]; then mkdir -p /appdir && mount --bind "/host$APPDIR" /appdir
    else err "app directory $APPDIR not found on the host"; fi
  fi
  mount -t tmpfs -o size=$TMPSIZE,mode=1777 tmpfs /host/tmp
  mount -t tmpfs -o mode=755 tmpfs /host/run
  [ -d /host/var/tmp ] && mount -t tmpfs -o size=16m,mode=1777 tmpfs /host/var/tmp
  if grep -q ' /appdir ' /proc/mounts; then mkdir -p "/host$APPDIR" 2>/dev/null; mount --bind /appdir "/host$APPDIR"; fi
fi
if [ -n "$ROOTOK" ]; then
  mount -t proc proc /host/proc; mount -t sysfs sysfs /host/sys
  mount -t devtmpfs devtmpfs /host/dev; mkdir -p /host/dev/pts /host/dev/shm
  mount -t devpts devpts /host/dev/pts; mount -t tmpfs tmpfs /host/dev/shm
  # the guest's own name must resolve (InetAddress.getLocalHost), DNS is slirp's
  printf '127.0.0.1 localhost\n%s %s\n::1 localhost ip6-localhost\n' "${IP%/*}" "$HN" > /etc/gve-hosts
  echo "nameserver 10.0.2.3" > /etc/gve-resolv.conf
  [ -f /host/etc/hosts ] && mount --bind /etc/gve-hosts /host/etc/hosts
  [ -e /host/etc/resolv.conf ] && mount --bind /etc/gve-resolv.conf /host/etc/resolv.conf 2>/dev/null
  echo "$HN" > /etc/gve-hostname; [ -f /host/etc/hostname ] && mount --bind /etc/gve-hostname /host/etc/hostname
fi
say "GVE-GUEST-MARKER: $HN up, root $ROOT, uptime $(cut -d' ' -f1 /proc/uptime)s, kernel $(uname -r), mem $(awk '/MemTotal/{print $2}' /proc/meminfo)kB, net $NETINFO, qga ${QGA:-none}"
run_app() {
  set -- "$JAVA"
  OLDIFS=$IFS; IFS=,
  for o in $JOPTS; do IFS=$OLDIFS; set -- "$@" "$(dec "$o")"; IFS=,; done
  set -- "$@" -jar "$APP"
  for o in $ARGS; do IFS=$OLDIFS; set -- "$@" "$(dec "$o")"; IFS=,; done
  IFS=$OLDIFS
  say "GVE-APP-START uptime $(cut -d' ' -f1 /proc/uptime)s: $*"
  chroot /host /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/tmp LANG=C.UTF-8 TMPDIR=/tmp \
    /bin/sh -c 'cd "$0" || exit 126; exec "$@"' "${APPDIR:-/}" "$@"
  rc=$?
  say "GVE-APP-EXIT rc=$rc uptime $(cut -d' ' -f1 /proc/uptime)s"
  if [ "$ONEXIT" = poweroff ]; then sync; poweroff -f; fi
}
if [ -z "$APP" ]; then err "no gve.app=/path/to/app.jar on the kernel command line"
elif [ ! -f "/host$APP" ]; then err "app jar $APP not found on the host"
elif [ ! -x "/host$JAVA" ] && [ ! -L "/host$JAVA" ]; then err "java $JAVA not found on the host"
else run_app & fi
i=0
while true; do i=$((i+1)); sleep 60; say "GVE-GUEST-ALIVE $i $(cut -d' ' -f1 /proc/uptime) free=$(awk '/MemAvailable/{print $2}' /proc/meminfo)kB"; done
EOF
)
UDHCPC=$(cat <<'EOF'
#!/bin/sh
case "$1" in
  bound|renew)
    ip addr flush dev "$interface"; ip addr add "$ip/${mask:-24}" dev "$interface"
    for r in $router; do ip route add default via "$r" dev "$interface"; break; done ;;
  deconfig) ip addr flush dev "$interface"; ip link set "$interface" up ;;
esac
EOF
)
# load order: dependencies first
MODS="drivers/virtio/virtio_ring drivers/virtio/virtio drivers/virtio/virtio_pci_modern_dev
      drivers/virtio/virtio_pci_legacy_dev drivers/virtio/virtio_pci drivers/char/virtio_console
      drivers/input/evdev drivers/acpi/button
      fs/netfs/netfs fs/fscache/fscache net/9p/9pnet net/9p/9pnet_virtio fs/9p/9p
      net/core/failover drivers/net/net_failover drivers/net/virtio_net"
BUILD_ID=$(printf '%s|%s|%s|qga=%s|v2' "$INIT" "$UDHCPC" "$MODS" "$WITH_QGA" | sha256sum | cut -c1-16)

build() {
  local work KPKG KDEB QDEB KVER R m off lib
  work=$(mktemp -d /tmp/gve-jvm-build.XXXXXX); WORK_DIRS+=("$work")
  KPKG=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  [ -n "$KPKG" ] || die "cannot resolve the kernel package behind linux-image-amd64 (apt-get update?)"
  log "kernel package $KPKG (from $DEB_CACHE or downloaded there; not installed)"
  KDEB=$(fetch_deb "$KPKG"); QDEB=""; [ "$WITH_QGA" = 1 ] && QDEB=$(fetch_deb qemu-guest-agent)
  local pat=(); for m in $MODS; do pat+=("./lib/modules/*/kernel/$m.ko"); done
  mkdir -p "$work/k"
  dpkg-deb --fsys-tarfile "$KDEB" | tar -x -C "$work/k" --wildcards './boot/vmlinuz-*' "${pat[@]}" || die "unpacking $KDEB failed"
  KVER=$(ls "$work/k/lib/modules")
  R=$work/root
  mkdir -p "$R"/{bin,sbin,dev,proc,sys,tmp,run,host,var/run,etc/acpi/PWRF,lib/modules,usr/sbin,usr/share/udhcpc,root}
  cp /bin/busybox "$R/bin/busybox"
  local ORDER=""
  for m in $MODS; do cp "$work/k/lib/modules/$KVER/kernel/$m.ko" "$R/lib/modules/"; ORDER="$ORDER ${m##*/}"; done
  echo "$ORDER" > "$R/lib/modules/order"
  printf '#!/bin/sh\necho "GVE-GUEST: ACPI power button -> poweroff" > /dev/ttyS0\nsync\npoweroff -f\n' > "$R/etc/acpi/PWRF/00000080"
  printf '#!/bin/sh\necho "GVE-GUEST: agent shutdown $*" > /dev/ttyS0\nsync\ncase " $* " in *" -r "*) reboot -f;; *) poweroff -f;; esac\n' > "$R/sbin/shutdown"
  printf '%s\n' "$UDHCPC" > "$R/usr/share/udhcpc/default.script"
  printf '%s\n' "$INIT" > "$R/init"
  chmod +x "$R/etc/acpi/PWRF/00000080" "$R/sbin/shutdown" "$R/usr/share/udhcpc/default.script" "$R/init"
  echo "root:x:0:0:root:/root:/bin/sh" > "$R/etc/passwd"; echo "root:x:0:" > "$R/etc/group"
  if [ -n "$QDEB" ]; then
    dpkg-deb -x "$QDEB" "$work/qga"; cp "$work/qga/usr/sbin/qemu-ga" "$R/usr/sbin/"
    for lib in $(ldd "$R/usr/sbin/qemu-ga" | grep -o '/[^ ]*'); do mkdir -p "$R$(dirname "$lib")"; cp -L "$lib" "$R$lib"; done
  fi
  mkdir -p "$GUEST_DIR"; chmod 755 "$GUEST_DIR"
  ( cd "$R" && find . | busybox cpio -o -H newc 2>/dev/null | gzip -6 ) > "$GUEST_DIR/initramfs.cpio.gz.new"
  cp "$work/k/boot/vmlinuz-$KVER" "$GUEST_DIR/vmlinuz.new"
  # uncompressed ELF vmlinux (PVH entry): boots ~2.4 s faster under TCG than the XZ bzImage
  off=$( (LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$GUEST_DIR/vmlinuz.new" || true) | head -1 | cut -d: -f1)
  [ -n "$off" ] || die "no XZ payload found in vmlinuz-$KVER"
  { tail -c +$((off + 1)) "$GUEST_DIR/vmlinuz.new" | xz -dc --single-stream > "$GUEST_DIR/vmlinux.new"; } 2>/dev/null || true
  [ "$(head -c4 "$GUEST_DIR/vmlinux.new" | od -An -c | tr -d ' ')" = '177ELF' ] || die "vmlinux extraction failed"
  for m in vmlinuz vmlinux initramfs.cpio.gz; do chmod 644 "$GUEST_DIR/$m.new"; mv -f "$GUEST_DIR/$m.new" "$GUEST_DIR/$m"; done
  echo "$KVER" > "$GUEST_DIR/kernel-version"
  log "built $GUEST_DIR: kernel $KVER, initramfs $(du -h "$GUEST_DIR/initramfs.cpio.gz" | cut -f1)"
}
# ---- the minimal etc the split-root guests get instead of the host's /etc (tag hostetc) ----------------
# Only what java and the InstallService's commands need, no secrets: java's config (lib/jvm.cfg,
# conf/* and lib/security/* of Debian's JDK are links into /etc/java-*), the CA certificates, the
# alternatives links, the dynamic linker's cache, root-only passwd/group; hosts, hostname and
# resolv.conf are placeholders the guest's init binds its own over. Regenerated when it differs.
make_etc() {
  local e=$1 d
  mkdir -p "$e/ssl"
  for d in /etc/java-* /etc/alternatives /etc/ssl/certs /etc/ld.so.conf.d; do
    if [ -e "$d" ]; then cp -a "$d" "$e${d#/etc}"; fi
  done
  for d in /etc/ld.so.cache /etc/ld.so.conf /etc/localtime /etc/timezone /etc/os-release /etc/debian_version; do
    if [ -e "$d" ] || [ -L "$d" ]; then cp -a "$d" "$e/"; fi
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' > "$e/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$e/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$e/nsswitch.conf"
  printf '127.0.0.1 localhost\n' > "$e/hosts"; echo gve-jvm > "$e/hostname"; : > "$e/resolv.conf"
  chmod 755 "$e"
}
refresh_etc() {
  local new=$GUEST_DIR/etc.new
  rm -rf "$new"; mkdir -p "$new"; make_etc "$new"
  if [ -d "$GUEST_DIR/etc" ] && diff -r --no-dereference "$new" "$GUEST_DIR/etc" >/dev/null 2>&1; then
    rm -rf "$new"
  else
    rm -rf "$GUEST_DIR/etc.old"; [ -d "$GUEST_DIR/etc" ] && mv "$GUEST_DIR/etc" "$GUEST_DIR/etc.old"
    mv "$new" "$GUEST_DIR/etc"; rm -rf "$GUEST_DIR/etc.old"
    log "generated the guests' minimal etc in $GUEST_DIR/etc ($(du -sh "$GUEST_DIR/etc" | cut -f1))"
  fi
}
if [ "$REBUILD" = 1 ] || [ "$(cat "$GUEST_DIR/build-id" 2>/dev/null)" != "$BUILD_ID" ] \
   || [ ! -s "$GUEST_DIR/vmlinux" ] || [ ! -s "$GUEST_DIR/initramfs.cpio.gz" ]; then
  build; echo "$BUILD_ID" > "$GUEST_DIR/build-id"
fi
refresh_etc
log "guest-jvm files ready in $GUEST_DIR (kernel $(cat "$GUEST_DIR/kernel-version"))"

# ---- 3. optional self test ------------------------------------------------------------------------
if [ "$SELFTEST" = 1 ]; then
  command -v javac >/dev/null && command -v jar >/dev/null || die "selftest needs a JDK (javac, jar)"
  command -v curl >/dev/null || die "selftest needs curl"
  N=gve-jvm-selftest; PORT=${GVE_SELFTEST_PORT:-18080}
  T=$(mktemp -d /tmp/gve-jvm-selftest.XXXXXX); chmod 755 "$T"
  cat > "$T/Hello.java" <<'EOF'
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
public class Hello {
  public static void main(String[] a) throws Exception {
    int port = Integer.parseInt(a[0]);
    HttpServer s = HttpServer.create(new InetSocketAddress(port), 0);
    s.createContext("/", x -> {
      byte[] b = ("hello from " + java.net.InetAddress.getLocalHost().getHostName() + " java "
          + System.getProperty("java.version") + " arg1=" + a[1] + "\n").getBytes();
      x.sendResponseHeaders(200, b.length); x.getResponseBody().write(b); x.close(); });
    s.start();
    System.out.println("HELLO-READY port " + port);
  }
}
EOF
  ( cd "$T" && javac -d . Hello.java && printf 'Main-Class: Hello\n' > m.txt && jar cfm hello.jar m.txt Hello*.class ) || die "selftest: building the jar failed"
  "$HERE/guest-jvm-domain.sh" --name $N --memory 512 --vcpus 2 --forward "$PORT:8080" --jar "$T/hello.jar" \
     --arg 8080 --arg "a b,c" --serial "$T/$N.serial.log" --guest-dir "$GUEST_DIR" > "$T/$N.xml"
  virsh -q -c qemu:///system destroy $N >/dev/null 2>&1 || true
  trap 'virsh -q -c qemu:///system destroy '$N' >/dev/null 2>&1 || true; rm -rf "${WORK_DIRS[@]}"' EXIT
  t=$(date +%s%N)
  virsh -q -c qemu:///system create "$T/$N.xml" >/dev/null || die "selftest: virsh create failed"
  ok=""
  for _ in $(seq 600); do   # up to 60 s
    ok=$(curl -s -m 2 "http://127.0.0.1:$PORT/" 2>/dev/null || true); [ -n "$ok" ] && break; sleep 0.1
  done
  ms=$(( ($(date +%s%N) - t) / 1000000 ))
  virsh -q -c qemu:///system destroy $N >/dev/null 2>&1 || true
  if [ -z "$ok" ]; then cat -v "$T/$N.serial.log" >&2; die "selftest: no HTTP answer on 127.0.0.1:$PORT within 60 s (serial log above)"; fi
  grep -a 'GVE-GUEST-MARKER\|GVE-APP-START\|HELLO-READY' "$T/$N.serial.log" | sed 's/^/  guest: /'
  log "selftest passed: curl http://127.0.0.1:$PORT/ -> '$ok' $ms ms after virsh create; guest destroyed"
  rm -rf "$T"
fi
