#!/usr/bin/env bash
# guest-jvm-domain.sh - print the libvirt domain XML of a guest that runs a host jar with the host's
# own JVM (kernel/initramfs from setup-guest-jvm.sh; the host's /usr, setup-guest-jvm.sh's minimal
# etc and the jar's directory shared read-only over 9p, nothing else of the host; QEMU user
# networking with host port forwards). Prints XML on stdout only; errors on stderr, exit 2.
#
# Usage: guest-jvm-domain.sh --name NAME --jar /abs/app.jar [options] > NAME.xml
#   --name NAME            domain name (also the guest's hostname)
#   --jar PATH             absolute host path of the jar (run as: java [JOPTS] -jar PATH ARGS)
#   --memory MiB           guest memory (default 512)
#   --vcpus N              (default 2; under TCG 2 boot the JVM ~25% faster than 1)
#   --forward H:G          forward 127.0.0.1:H on the host to guest port G (TCP; repeatable)
#   --arg ARG              one program argument (repeatable, any characters)
#   --args "A B C"         program arguments split on blanks (appended after --arg ones)
#   --jopt OPT             one JVM option, e.g. --jopt -Xmx256m (repeatable)
#   --java PATH            JVM on the host (default: the host's `java`, symlinks resolved)
#   --serial PATH          serial log file (default GUEST_DIR/NAME.serial.log); appended to, grep -a it
#   --type qemu|kvm        domain type (default: kvm when /dev/kvm is usable and the CPU has vmx/svm)
#   --guest-dir DIR        where setup-guest-jvm.sh put the kernel (env GVE_JVM_GUEST_DIR,
#                          default /var/lib/libvirt/images/gve-jvm)
#   --on-exit stay|poweroff   when java exits (default stay; poweroff ends a transient domain)
#   --outbound             let the guest open connections through the host (default: slirp
#                          restrict=on, the guest only answers on its forwarded ports)
#   --no-agent             no org.qemu.guest_agent.0 channel
#   --root split|full      split (default): shares as above, java must be under /usr;
#                          full: the host's whole / read-only (the old mode: the guest reads everything)
# Example:
#   deploy/scripts/guest-jvm-domain.sh --name web1 --memory 512 --forward 18080:8080 \
#     --jar /opt/app/app.jar --arg 8080 --serial /tmp/web1.log > /tmp/web1.xml
#   virsh -c qemu:///system create /tmp/web1.xml      # then: curl http://127.0.0.1:18080/
set -euo pipefail
die() { echo "guest-jvm-domain: $*" >&2; exit 2; }
NAME=; JAR=; MEM=512; VCPUS=2; FWDS=(); ARGV=(); JOPTS=(); JAVA=; SERIAL=; TYPE=; ONEXIT=stay; RESTRICT=on; AGENT=1; ROOT='split'
GUEST_DIR=${GVE_JVM_GUEST_DIR:-/var/lib/libvirt/images/gve-jvm}
EXTRA_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --name) NAME=${2:?}; shift;; --jar) JAR=${2:?}; shift;; --memory) MEM=${2:?}; shift;;
    --vcpus) VCPUS=${2:?}; shift;; --forward) FWDS+=("${2:?}"); shift;; --arg) ARGV+=("${2?}"); shift;;
    --args) read -r -a EXTRA_ARGS <<<"${2?}"; ARGV+=("${EXTRA_ARGS[@]}"); shift;;
    --jopt) JOPTS+=("${2:?}"); shift;; --java) JAVA=${2:?}; shift;; --serial) SERIAL=${2:?}; shift;;
    --type) TYPE=${2:?}; shift;; --guest-dir) GUEST_DIR=${2:?}; shift;; --on-exit) ONEXIT=${2:?}; shift;;
    --outbound) RESTRICT=off;; --no-agent) AGENT=0;; --root) ROOT=${2:?}; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) die "unknown argument '$1' (see --help)";;
  esac; shift
done
[ -n "$NAME" ] || die "--name is required"
[[ "$NAME" =~ ^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$ ]] || die "--name '$NAME': use letters, digits, . _ - (max 63)"
[ -n "$JAR" ] || die "--jar is required"
case "$JAR" in /*) ;; *) die "--jar must be an absolute host path: $JAR";; esac
[ -f "$JAR" ] || die "jar not found: $JAR"
[[ "$MEM" =~ ^[0-9]+$ ]] && [ "$MEM" -ge 128 ] || die "--memory must be a number of MiB >= 128"
[[ "$VCPUS" =~ ^[0-9]+$ ]] && [ "$VCPUS" -ge 1 ] || die "--vcpus must be >= 1"
case "$ONEXIT" in stay|poweroff) ;; *) die "--on-exit must be stay or poweroff";; esac
for f in "${FWDS[@]}"; do [[ "$f" =~ ^[0-9]{1,5}:[0-9]{1,5}$ ]] || die "--forward must be HOSTPORT:GUESTPORT, got '$f'"; done
[ -s "$GUEST_DIR/vmlinux" ] && [ -s "$GUEST_DIR/initramfs.cpio.gz" ] \
  || die "no kernel/initramfs in $GUEST_DIR: run deploy/scripts/setup-guest-jvm.sh first"
if [ -z "$JAVA" ]; then JAVA=$(readlink -f "$(command -v java || true)" 2>/dev/null || true); fi
[ -n "$JAVA" ] && [ -x "$JAVA" ] || die "no java found on the host (give --java /path/to/bin/java)"
[ -n "$SERIAL" ] || SERIAL=$GUEST_DIR/$NAME.serial.log
case "$SERIAL" in /*) ;; *) die "--serial must be an absolute path";; esac
if [ -z "$TYPE" ]; then
  if [ -c /dev/kvm ] && [ -r /dev/kvm ] && [ -w /dev/kvm ] && grep -qwE 'vmx|svm' /proc/cpuinfo; then TYPE=kvm; else TYPE=qemu; fi
fi
case "$TYPE" in qemu|kvm) ;; *) die "--type must be qemu or kvm";; esac
case "$ROOT" in
  split) case "$JAVA" in /usr/*) ;; *) die "--root split shares only /usr: java $JAVA is outside it (use --root full)";; esac
         [ -d "$GUEST_DIR/etc" ] || die "no $GUEST_DIR/etc: run deploy/scripts/setup-guest-jvm.sh first";;
  full) ;; *) die "--root must be split or full";;
esac

# %XX-encode everything but [A-Za-z0-9._/:=@+-]: keeps the kernel command line free of blanks,
# commas (the list separator), quotes and XML specials. The guest's init decodes.
enc() {
  local s=$1 out='' c i
  for (( i=0; i<${#s}; i++ )); do
    c=${s:i:1}
    case "$c" in [A-Za-z0-9._/:=@+-]) out+=$c;; *) out+=$(printf '%%%02X' "'$c");; esac
  done
  printf '%s' "$out"
}
LC_ALL=C
list() { local o='' a; for a in "$@"; do o+=${o:+,}$(enc "$a"); done; printf '%s' "$o"; }
CMDLINE="console=ttyS0 quiet panic=-1 gve.hostname=$NAME gve.net=static gve.ip=10.0.2.15/24 gve.gw=10.0.2.2"
CMDLINE+=" gve.java=$(enc "$JAVA") gve.app=$(enc "$JAR") gve.onexit=$ONEXIT gve.root=$ROOT"
[ ${#JOPTS[@]} -gt 0 ] && CMDLINE+=" gve.jopts=$(list "${JOPTS[@]}")"
[ ${#ARGV[@]} -gt 0 ] && CMDLINE+=" gve.args=$(list "${ARGV[@]}")"
[ ${#CMDLINE} -le 2000 ] || die "kernel command line too long (${#CMDLINE} > 2000 bytes): fewer/shorter args"
NETDEV="user,id=gvenet0,net=10.0.2.0/24,restrict=$RESTRICT"
for f in "${FWDS[@]}"; do NETDEV+=",hostfwd=tcp:127.0.0.1:${f%%:*}-:${f##*:}"; done
# a stable locally administered MAC per name
MAC=$(printf '%s' "$NAME" | md5sum | sed 's/^\(..\)\(..\)\(..\).*/52:54:00:\1:\2:\3/')
share() { printf "    <filesystem type='mount' accessmode='passthrough' multidevs='remap'><source dir='%s'/><target dir='%s'/><readonly/></filesystem>\n" "$(xml_attr "$1")" "$2"; }
xml_attr() { local s=${1//&/&amp;}; s=${s//\'/&apos;}; s=${s//</&lt;}; printf '%s' "${s//>/&gt;}"; }

cat <<EOF
<domain type='$TYPE' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
  <name>$NAME</name>
  <memory unit='MiB'>$MEM</memory>
  <vcpu>$VCPUS</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>$GUEST_DIR/vmlinux</kernel>
    <initrd>$GUEST_DIR/initramfs.cpio.gz</initrd>
    <cmdline>$CMDLINE</cmdline>
  </os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>destroy</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
$(if [ "$ROOT" = split ]; then
  share /usr hostusr; share "$GUEST_DIR/etc" hostetc; share "$(dirname "$JAR")" gveapp
else share / hostroot; fi)
    <serial type='file'><source path='$(xml_attr "$SERIAL")' append='on'/><target port='0'/></serial>
EOF
[ "$AGENT" = 1 ] && echo "    <channel type='unix'><source mode='bind'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>"
cat <<EOF
    <memballoon model='none'/>
  </devices>
  <qemu:commandline>
    <qemu:arg value='-netdev'/>
    <qemu:arg value='$NETDEV'/>
    <qemu:arg value='-device'/>
    <qemu:arg value='virtio-net-pci,netdev=gvenet0,mac=$MAC,addr=0x10'/>
  </qemu:commandline>
</domain>
EOF
