#!/usr/bin/env bash
# setup-libvirt.sh - Debian 12, root, no systemd -> running virtlogd + libvirtd (qemu:///system)
# and a tiny bootable guest (Debian kernel + busybox initramfs + qemu-guest-agent, 128 MiB).
#
# Idempotent: every step checks first; a second run takes well under a second.
#
# Usage: setup-libvirt.sh [--guest-dir DIR] [--no-daemon] [--no-guest] [--probe-kvm] [--rebuild]
#   --guest-dir DIR  where the guest files go (env GVE_GUEST_DIR, default /var/lib/libvirt/images/gve-tiny)
#   --no-daemon      do not start virtlogd/libvirtd (only packages, config and guest files)
#   --no-guest       do not build the guest (only packages, config and daemons)
#   --probe-kvm      boot the guest once with type='kvm' to see whether /dev/kvm really works
#   --rebuild        rebuild kernel/initramfs/template even if present
# Env: GVE_WITH_QGA=0          leave qemu-guest-agent out of the initramfs (-3.5 MB)
#      GVE_DEB_CACHE=DIR       where downloaded .debs are kept (default /var/cache/gve/debs)
#
# Produces in the guest dir:
#   vmlinuz            Debian's kernel (bzImage)
#   vmlinux            the same kernel, uncompressed ELF (boots via PVH, ~2 s faster under TCG)
#   initramfs.cpio.gz  busybox + qemu-ga; prints "GVE-GUEST-MARKER ..." on ttyS0
#   template.qcow2     16 MiB qcow2 base disk (clone = overlay or copy of it)
#   gve-tiny.qcow2     overlay on template.qcow2 used by the sample domain
#   gve-tiny-qemu.xml, gve-tiny-kvm.xml, gve-tiny.xml (= the one for the usable accelerator)
#   accel              "kvm" or "qemu" (TCG): the domain type to use on this machine
#   kernel-version, build-id
set -euo pipefail

GUEST_DIR=${GVE_GUEST_DIR:-/var/lib/libvirt/images/gve-tiny}
WITH_QGA=${GVE_WITH_QGA:-1}
DEB_CACHE=${GVE_DEB_CACHE:-/var/cache/gve/debs}
DAEMON=1; GUEST=1; PROBE_KVM=0; REBUILD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --guest-dir) GUEST_DIR=${2:?--guest-dir needs a directory}; shift;;
    --guest-dir=*) GUEST_DIR=${1#*=};;
    --no-daemon) DAEMON=0;;
    --no-guest) GUEST=0;;
    --probe-kvm) PROBE_KVM=1;;
    --rebuild) REBUILD=1;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "setup-libvirt: unknown argument '$1' (see --help)" >&2; exit 2;;
  esac; shift
done
case "$GUEST_DIR" in /*) ;; *) GUEST_DIR=$PWD/$GUEST_DIR;; esac

T0=$(date +%s%N)
WORK_DIRS=(); trap 'rm -rf "${WORK_DIRS[@]}"' EXIT
log() { echo "[setup-libvirt +$(( ($(date +%s%N) - T0) / 1000000 ))ms] $*"; }
die() { echo "[setup-libvirt] ERROR: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "must run as root (installs packages, starts libvirtd)"
command -v apt-get >/dev/null || die "needs a Debian/Ubuntu system with apt-get"

export DEBIAN_FRONTEND=noninteractive
APT=(apt-get -q -o DPkg::Lock::Timeout=900)
APT_UPDATED=0
apt_update() { [ "$APT_UPDATED" = 1 ] && return 0; log "apt-get update"; "${APT[@]}" update >/dev/null || die "apt-get update failed"; APT_UPDATED=1; }
# install the packages that are missing (naming installed ones would upgrade them)
ensure_pkgs() {
  local p missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p"); done
  [ ${#missing[@]} = 0 ] && return 0
  log "apt-get install ${missing[*]}"
  if ! "${APT[@]}" install -y --no-install-recommends "${missing[@]}" >/tmp/gve-apt.$$.log 2>&1; then
    apt_update   # stale or missing package lists
    "${APT[@]}" install -y --no-install-recommends "${missing[@]}" >/tmp/gve-apt.$$.log 2>&1 \
      || { tail -20 /tmp/gve-apt.$$.log >&2; rm -f /tmp/gve-apt.$$.log; die "apt-get install ${missing[*]} failed"; }
  fi
  rm -f /tmp/gve-apt.$$.log
}
# download (not install) a .deb into $DEB_CACHE; prints its path
fetch_deb() {
  local pkg=$1 f
  mkdir -p "$DEB_CACHE"
  f=$(ls "$DEB_CACHE/${pkg}_"*.deb 2>/dev/null | head -1 || true)
  if [ -z "$f" ]; then
    ( cd "$DEB_CACHE" && apt-get download "$pkg" >/dev/null 2>&1 ) \
      || { apt_update >&2; ( cd "$DEB_CACHE" && apt-get download "$pkg" >/dev/null 2>&1 ) || die "apt-get download $pkg failed"; }
    f=$(ls "$DEB_CACHE/${pkg}_"*.deb | head -1)
  fi
  echo "$f"
}

# ---- 1. packages (not libvirt-daemon-system: it pulls in systemd) ------------------------
ensure_pkgs libvirt0 libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients libxml2-utils qemu-system-x86 qemu-utils busybox-static xz-utils

# ---- 2. what libvirt-daemon-system would have set up -------------------------------------
getent group libvirt >/dev/null || groupadd -r libvirt
getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
# libvirtd resolves its compiled-in default user 'libvirt-qemu' even when qemu.conf says root
id libvirt-qemu >/dev/null 2>&1 || useradd -r -g libvirt-qemu -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu
mkdir -p /var/log/libvirt/qemu /var/lib/libvirt/qemu /var/lib/libvirt/images /var/cache/libvirt /run/libvirt /etc/libvirt
chmod 755 /var/lib/libvirt /var/lib/libvirt/images   # the migration test's second user must reach the images
QCONF=/etc/libvirt/qemu.conf
QBLOCK='# >>> gve: managed by deploy/scripts/setup-libvirt.sh (container: no MAC, QEMU as root)
user = "root"
group = "root"
security_driver = "none"
namespaces = [ ]
# <<< gve'
if [ "$(sed -n '/^# >>> gve/,/^# <<< gve/p' "$QCONF" 2>/dev/null)" != "$QBLOCK" ]; then
  touch "$QCONF"
  sed -i '/^# >>> gve/,/^# <<< gve/d' "$QCONF"
  printf '%s\n' "$QBLOCK" >> "$QCONF"
  QCONF_CHANGED=1; log "wrote gve settings into $QCONF"
else QCONF_CHANGED=0; fi

# ---- 3. accelerator: KVM only with vmx/svm CPU flags and a usable /dev/kvm -----------------
VIRT_FLAGS=$(grep -cwE 'vmx|svm' /proc/cpuinfo || true)
if [ -c /dev/kvm ] && [ "$VIRT_FLAGS" -gt 0 ] && [ -r /dev/kvm ] && [ -w /dev/kvm ]; then ACCEL=kvm
  ACCEL_WHY="/dev/kvm present and CPU has vmx/svm"
elif [ -c /dev/kvm ]; then ACCEL=qemu
  ACCEL_WHY="/dev/kvm exists but the CPU has no vmx/svm flag (nested/PVM device, stock kernels do not boot on it): using TCG"
else ACCEL=qemu; ACCEL_WHY="no /dev/kvm: using TCG"; fi

# ---- 4. guest: kernel + initramfs from Debian packages only --------------------------------
build_guest() {
  local work KPKG KDEB QDEB KVER R m
  work=$(mktemp -d /tmp/gve-guest-build.XXXXXX); WORK_DIRS+=("$work")
  KPKG=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  [ -n "$KPKG" ] || { apt_update; KPKG=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}'); }
  [ -n "$KPKG" ] || die "cannot resolve the kernel package behind linux-image-amd64"
  log "kernel package $KPKG (downloaded to $DEB_CACHE, not installed)"
  KDEB=$(fetch_deb "$KPKG")
  QDEB=""; [ "$WITH_QGA" = 1 ] && QDEB=$(fetch_deb qemu-guest-agent)
  # unpack only the kernel image and the few modules needed (a full unpack is ~400 MB)
  local MODS="drivers/virtio/virtio_ring drivers/virtio/virtio drivers/virtio/virtio_pci_modern_dev
      drivers/virtio/virtio_pci_legacy_dev drivers/virtio/virtio_pci drivers/char/virtio_console
      drivers/block/virtio_blk drivers/input/evdev drivers/acpi/button"
  local pat=(); for m in $MODS; do pat+=("./lib/modules/*/kernel/$m.ko"); done
  mkdir -p "$work/k"
  dpkg-deb --fsys-tarfile "$KDEB" | tar -x -C "$work/k" --wildcards './boot/vmlinuz-*' "${pat[@]}" \
    || die "unpacking $KDEB failed"
  KVER=$(ls "$work/k/lib/modules")
  R="$work/root"
  mkdir -p "$R"/{bin,sbin,dev,proc,sys,tmp,run,var/run,var/tmp,var/log,etc/acpi/PWRF,lib/modules,usr/sbin,root}
  cp /bin/busybox "$R/bin/busybox"
  local ORDER=""
  for m in $MODS; do cp "$work/k/lib/modules/$KVER/kernel/$m.ko" "$R/lib/modules/"; ORDER="$ORDER ${m##*/}"; done
  echo "$ORDER" > "$R/lib/modules/order"
  # ACPI power button (virsh shutdown --mode acpi) -> poweroff
  printf '#!/bin/sh\necho "GVE-GUEST: ACPI power button -> poweroff" > /dev/ttyS0\nsync\npoweroff -f\n' > "$R/etc/acpi/PWRF/00000080"
  # qemu-ga's guest-shutdown execs /sbin/shutdown -h|-r|-H ... ; busybox has no 'shutdown'
  printf '#!/bin/sh\necho "GVE-GUEST: agent shutdown $*" > /dev/ttyS0\nsync\ncase " $* " in *" -r "*) reboot -f;; *) poweroff -f;; esac\n' > "$R/sbin/shutdown"
  chmod +x "$R/etc/acpi/PWRF/00000080" "$R/sbin/shutdown"
  echo "root:x:0:0:root:/root:/bin/sh" > "$R/etc/passwd"; echo "root:x:0:" > "$R/etc/group"
  if [ -n "$QDEB" ]; then
    dpkg-deb -x "$QDEB" "$work/qga"
    cp "$work/qga/usr/sbin/qemu-ga" "$R/usr/sbin/"
    # glibc/glib closure of qemu-ga: all these libraries are on the host (qemu-system-x86 needs them)
    local lib
    for lib in $(ldd "$R/usr/sbin/qemu-ga" | grep -o '/[^ ]*'); do
      mkdir -p "$R$(dirname "$lib")"; cp -L "$lib" "$R$lib"
    done
    ldd "$R/usr/sbin/qemu-ga" | grep -q 'not found' && die "qemu-ga has unresolved libraries: $(ldd "$R/usr/sbin/qemu-ga" | grep 'not found')"
  fi
  printf '%s\n' "$INIT" > "$R/init"; chmod +x "$R/init"
  ( cd "$R" && find . | busybox cpio -o -H newc 2>/dev/null | gzip -6 ) > "$GUEST_DIR/initramfs.cpio.gz.new"
  cp "$work/k/boot/vmlinuz-$KVER" "$GUEST_DIR/vmlinuz.new"
  # uncompressed ELF vmlinux: Debian's bzImage payload is XZ and the kernel has CONFIG_PVH=y, so QEMU
  # boots the ELF directly, skipping real-mode setup and XZ decompression (~2.4 s under TCG)
  local off
  off=$( (LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$GUEST_DIR/vmlinuz.new" || true) | head -1 | cut -d: -f1)
  [ -n "$off" ] || die "no XZ payload found in vmlinuz-$KVER"
  { tail -c +$((off + 1)) "$GUEST_DIR/vmlinuz.new" | xz -dc --single-stream > "$GUEST_DIR/vmlinux.new"; } 2>/dev/null || true
  [ "$(head -c4 "$GUEST_DIR/vmlinux.new" | od -An -c | tr -d ' ')" = '177ELF' ] || die "vmlinux extraction failed"
  for m in vmlinuz vmlinux initramfs.cpio.gz; do chmod 644 "$GUEST_DIR/$m.new"; mv -f "$GUEST_DIR/$m.new" "$GUEST_DIR/$m"; done
  echo "$KVER" > "$GUEST_DIR/kernel-version"
  log "guest built: kernel $KVER ($(du -h "$GUEST_DIR/vmlinuz" | cut -f1) bzImage, $(du -h "$GUEST_DIR/vmlinux" | cut -f1) vmlinux), initramfs $(du -h "$GUEST_DIR/initramfs.cpio.gz" | cut -f1)"
}

# init of the tiny guest (busybox sh). Options on the kernel cmdline: gve.hostname=NAME
INIT=$(cat <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm; mount -t devpts devpts /dev/pts; mount -t tmpfs tmpfs /dev/shm
exec </dev/null >/dev/ttyS0 2>&1   # the initramfs has no /dev/console when init starts
for m in $(cat /lib/modules/order); do insmod /lib/modules/$m.ko 2>/dev/null; done
HN=gve-tiny; for a in $(cat /proc/cmdline); do case "$a" in gve.hostname=*) HN=${a#*=};; esac; done
hostname "$HN"; ip link set lo up 2>/dev/null
acpid -c /etc/acpi -l /dev/null     # ACPI power button => /etc/acpi/PWRF/00000080 => poweroff
QGA=
if [ -x /usr/sbin/qemu-ga ]; then
  for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    for p in /sys/class/virtio-ports/*; do
      [ -e "$p/name" ] && [ "$(cat $p/name)" = org.qemu.guest_agent.0 ] && QGA=/dev/${p##*/}
    done
    [ -n "$QGA" ] && break; sleep 0.1
  done
  if [ -n "$QGA" ]; then
    /usr/sbin/qemu-ga -m virtio-serial -p "$QGA" -t /var/run -f /var/run/qemu-ga.pid &
    echo "GVE-GUEST-QGA: qemu-ga started on $QGA (org.qemu.guest_agent.0)"
  else
    echo "GVE-GUEST-QGA: no org.qemu.guest_agent.0 virtio port, qemu-ga not started"
  fi
fi
DISK=none; [ -e /sys/block/vda/size ] && DISK="vda $(( $(cat /sys/block/vda/size) / 2048 ))MiB"
echo "GVE-GUEST-MARKER: $HN up, uptime $(cut -d' ' -f1 /proc/uptime)s, kernel $(uname -r), mem $(awk '/MemTotal/{print $2}' /proc/meminfo)kB, disk $DISK, acpi-button $(grep -q '^button ' /proc/modules && echo yes || echo no)"
i=0
while true; do i=$((i+1)); echo "GVE-GUEST-ALIVE $i $(cut -d' ' -f1 /proc/uptime)"; sleep 10; done
EOF
)
BUILD_ID=$(printf '%s|qga=%s|v2' "$INIT" "$WITH_QGA" | sha256sum | cut -c1-16)

domain_xml() {  # $1 = domain type (qemu|kvm)
  cat <<EOF
<domain type='$1'>
  <name>gve-tiny</name>
  <memory unit='MiB'>128</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>$GUEST_DIR/vmlinux</kernel>
    <initrd>$GUEST_DIR/initramfs.cpio.gz</initrd>
    <cmdline>console=ttyS0 quiet panic=-1 gve.hostname=gve-tiny</cmdline>
  </os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='$GUEST_DIR/gve-tiny.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <serial type='file'><source path='$GUEST_DIR/gve-tiny.serial.log' append='on'/><target port='0'/></serial>
    <channel type='unix'><source mode='bind'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
    <memballoon model='none'/>
  </devices>
</domain>
EOF
}

if [ "$GUEST" = 1 ]; then
  mkdir -p "$GUEST_DIR"; chmod 755 "$GUEST_DIR"
  if [ "$REBUILD" = 1 ] || [ "$(cat "$GUEST_DIR/build-id" 2>/dev/null)" != "$BUILD_ID" ] \
     || [ ! -s "$GUEST_DIR/vmlinux" ] || [ ! -s "$GUEST_DIR/vmlinuz" ] || [ ! -s "$GUEST_DIR/initramfs.cpio.gz" ]; then
    build_guest
    echo "$BUILD_ID" > "$GUEST_DIR/build-id"
  fi
  if [ "$REBUILD" = 1 ] || [ ! -s "$GUEST_DIR/template.qcow2" ]; then
    qemu-img create -q -f qcow2 "$GUEST_DIR/template.qcow2" 16M; log "created template.qcow2 (16 MiB base disk)"
    rm -f "$GUEST_DIR/gve-tiny.qcow2"
  fi
  [ -s "$GUEST_DIR/gve-tiny.qcow2" ] || qemu-img create -q -f qcow2 -F qcow2 -b "$GUEST_DIR/template.qcow2" "$GUEST_DIR/gve-tiny.qcow2"
  chmod 644 "$GUEST_DIR/template.qcow2"; chmod 666 "$GUEST_DIR/gve-tiny.qcow2"
  for t in qemu kvm; do
    domain_xml $t > "$GUEST_DIR/gve-tiny-$t.xml.new"
    cmp -s "$GUEST_DIR/gve-tiny-$t.xml.new" "$GUEST_DIR/gve-tiny-$t.xml" && rm -f "$GUEST_DIR/gve-tiny-$t.xml.new" \
      || mv -f "$GUEST_DIR/gve-tiny-$t.xml.new" "$GUEST_DIR/gve-tiny-$t.xml"
  done
  cp -f "$GUEST_DIR/gve-tiny-$ACCEL.xml" "$GUEST_DIR/gve-tiny.xml"
  echo "$ACCEL" > "$GUEST_DIR/accel"
fi

# ---- 5. daemons, without systemd ------------------------------------------------------------
# the root daemons; a session libvirtd of another user (setup-libvirt-session.sh) is not ours
live() { local st; st=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) && [ "$st" != Z ]; }   # zombies do not count
sys_pid() { local p; for p in $(pgrep -x -u 0 "$1" || true); do live "$p" && { echo "$p"; return; }; done; }
wait_gone() { for _ in $(seq 100); do live "$1" || return 0; sleep 0.1; done; return 1; }
if [ "$DAEMON" = 1 ]; then
  if [ "$QCONF_CHANGED" = 1 ] && [ -n "$(sys_pid libvirtd)" ]; then
    P=$(sys_pid libvirtd); log "qemu.conf changed: restarting libvirtd pid $P (running domains survive)"
    kill "$P"; wait_gone "$P" || die "libvirtd pid $P did not stop"
  fi
  if [ -z "$(sys_pid virtlogd)" ] || [ ! -S /run/libvirt/virtlogd-sock ]; then
    log "starting virtlogd (log /var/log/libvirt/virtlogd.log)"
    LIBVIRT_LOG_OUTPUTS="3:file:/var/log/libvirt/virtlogd.log" virtlogd -d --pid-file /run/virtlogd.pid \
      || die "virtlogd failed to start; see /var/log/libvirt/virtlogd.log"
  fi
  if ! virsh -q -c qemu:///system version >/dev/null 2>&1; then
    P=$(sys_pid libvirtd)
    if [ -n "$P" ]; then log "libvirtd pid $P does not answer: restarting it"; kill "$P"; wait_gone "$P" || kill -9 "$P"; fi
    LOGSZ=$(stat -c %s /var/log/libvirt/libvirtd.log 2>/dev/null || echo 0)
    log "starting libvirtd (log /var/log/libvirt/libvirtd.log; first start probes QEMU, ~8 s)"
    LIBVIRT_LOG_OUTPUTS="3:file:/var/log/libvirt/libvirtd.log" libvirtd -d --pid-file /run/libvirtd.pid \
      || die "libvirtd failed to start; see /var/log/libvirt/libvirtd.log"
    for _ in $(seq 300); do
      virsh -q -c qemu:///system version >/dev/null 2>&1 && break
      [ -n "$(sys_pid libvirtd)" ] || break; sleep 0.1
    done
    virsh -q -c qemu:///system version >/dev/null 2>&1 \
      || { tail -c +$((LOGSZ + 1)) /var/log/libvirt/libvirtd.log | grep -E 'error|warn' | tail -20 >&2
           die "libvirtd $([ -n "$(sys_pid libvirtd)" ] && echo 'did not answer on qemu:///system within 30 s' || echo 'exited'); log above"; }
    log "libvirtd up (pid $(sys_pid libvirtd))"
  fi
fi

# ---- 6. optional: does /dev/kvm really boot a stock kernel? --------------------------------
if [ "$PROBE_KVM" = 1 ] && [ "$DAEMON" = 1 ] && [ "$GUEST" = 1 ]; then
  if [ -c /dev/kvm ]; then
    n=gve-kvm-probe; X="$GUEST_DIR/$n.xml"; KVM_OK=no
    domain_xml kvm | sed -e "s#<name>gve-tiny</name>#<name>$n</name>#" -e "s#gve-tiny.serial.log#$n.serial.log#" \
      -e '/<disk /,/<\/disk>/d' > "$X"
    rm -f "$GUEST_DIR/$n.serial.log"
    if virsh -q -c qemu:///system create "$X" >/dev/null 2>&1; then
      for _ in $(seq 200); do grep -aq GVE-GUEST-MARKER "$GUEST_DIR/$n.serial.log" 2>/dev/null && { KVM_OK=yes; break; }; sleep 0.1; done
      virsh -q -c qemu:///system destroy $n >/dev/null 2>&1 || true
    fi
    rm -f "$X"
    log "KVM probe: a stock guest $([ $KVM_OK = yes ] && echo booted || echo did NOT boot within 20 s) with type='kvm'"
    if [ $KVM_OK = yes ]; then ACCEL=kvm; ACCEL_WHY="probe booted a guest with KVM"
    else ACCEL=qemu; ACCEL_WHY="KVM probe failed: using TCG"; fi
    echo "$ACCEL" > "$GUEST_DIR/accel"; cp -f "$GUEST_DIR/gve-tiny-$ACCEL.xml" "$GUEST_DIR/gve-tiny.xml"
  else log "KVM probe skipped: no /dev/kvm"; fi
fi

log "accelerator: domain type='$ACCEL' ($ACCEL_WHY; vmx/svm flags: $VIRT_FLAGS)"
if [ "$GUEST" = 1 ]; then
  log "guest dir $GUEST_DIR: vmlinux vmlinuz initramfs.cpio.gz template.qcow2 gve-tiny.qcow2 gve-tiny.xml (type=$ACCEL)"
  log "try: virsh -c qemu:///system create $GUEST_DIR/gve-tiny.xml && grep -a GVE-GUEST-MARKER $GUEST_DIR/gve-tiny.serial.log"
fi
log "done; libvirt URI qemu:///system"
