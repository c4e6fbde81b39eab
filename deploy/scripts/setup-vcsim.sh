#!/usr/bin/env bash
# setup-vcsim.sh - build (offline, from Debian packages) and start govmomi's vSphere simulator vcsim
# on https://127.0.0.1:8989/sdk, with a 2048-bit self-signed TLS certificate and a PKCS12
# truststore for Java clients.
#
# Idempotent: builds/creates only what is missing or changed; ~0.05 s when vcsim already runs.
# vcsim keeps its inventory in memory: --restart gives a fresh one.
#
# Usage: setup-vcsim.sh [--stop | --restart | --status] [-- EXTRA_VCSIM_FLAGS...]
#   EXTRA flags go to vcsim (see deploy/scripts/vcsim/main.go), e.g. -- -vm 4 -delay 5
# Env:
#   VCSIM_DIR           state directory (default /var/lib/gve/vcsim)
#   VCSIM_ADDR          listen address (default 127.0.0.1:8989)
#   VCSIM_USER/VCSIM_PASS  require these credentials (default: any user/password is accepted)
#   VCSIM_STOREPASS     truststore password (default changeit)
# Produces in $VCSIM_DIR:
#   bin/vcsim          the simulator
#   vcsim.pem/.key     TLS certificate (CN=vcsim, SAN IP:127.0.0.1, DNS:localhost) and key
#   truststore.p12     PKCS12 truststore holding vcsim.pem (alias vcsim, password $VCSIM_STOREPASS)
#   vcsim.pid, vcsim.log
# Java: -Djavax.net.ssl.trustStore=/var/lib/gve/vcsim/truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit
#       -Djavax.net.ssl.trustStoreType=PKCS12
# Prints as its last line the SDK URL, e.g. https://127.0.0.1:8989/sdk
set -euo pipefail
SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/vcsim
DIR=${VCSIM_DIR:-/var/lib/gve/vcsim}
ADDR=${VCSIM_ADDR:-127.0.0.1:8989}
STOREPASS=${VCSIM_STOREPASS:-changeit}
BIN=$DIR/bin/vcsim; PIDF=$DIR/vcsim.pid; LOG=$DIR/vcsim.log; TRUST=$DIR/truststore.p12
URL="https://$ADDR/sdk"
ACTION=start; EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --stop) ACTION=stop;; --restart) ACTION=restart;; --status) ACTION=status;;
    --) shift; EXTRA=("$@"); break;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "setup-vcsim: unknown argument '$1' (see --help)" >&2; exit 2;;
  esac; shift
done
T0=$(date +%s%N)
log() { echo "[setup-vcsim +$(( ($(date +%s%N) - T0) / 1000000 ))ms] $*" >&2; }
die() { echo "[setup-vcsim] ERROR: $*" >&2; exit 1; }
# our vcsim: the pid file names a live (not zombie) vcsim process
alive() { local p st; p=$(cat "$PIDF" 2>/dev/null) && [ "$(cat "/proc/$p/comm" 2>/dev/null)" = vcsim ] \
          && st=$(cut -d' ' -f3 "/proc/$p/stat" 2>/dev/null) && [ "$st" != Z ]; }
port_open() { (exec 3<>"/dev/tcp/${ADDR%:*}/${ADDR##*:}") 2>/dev/null; }
# a TLS request when curl is there (a bare TCP probe makes vcsim log "TLS handshake error")
listening() { if command -v curl >/dev/null; then curl -sk -m 3 -o /dev/null "https://$ADDR/about"; else port_open; fi; }
stop() {
  if alive; then
    local pid; pid=$(cat "$PIDF"); kill "$pid"
    for _ in $(seq 200); do alive || break; sleep 0.05; done
    if alive; then kill -9 "$pid"; log "vcsim pid $pid killed (did not stop on SIGTERM within 10 s)"; else log "stopped vcsim pid $pid"; fi
  fi
  rm -f "$PIDF"
}

case $ACTION in
  stop) stop; exit 0;;
  status) if alive; then log "vcsim running: pid $(cat "$PIDF")"; echo "$URL"; exit 0; else log "vcsim not running"; exit 1; fi;;
  restart) stop;;
  start) if alive && listening; then log "vcsim already running: pid $(cat "$PIDF") (truststore $TRUST, password $STOREPASS)"; echo "$URL"; exit 0; fi
         alive && stop;;
esac
[ -s "$SRC_DIR/main.go" ] || die "missing $SRC_DIR/main.go (the vcsim main package kept beside this script)"
port_open && die "$ADDR is already in use by another process (not our vcsim, pid file $PIDF)"

# ---- 1. packages: Go 1.19 + govmomi 0.24 sources (Debian ships the library, not the command) ----
PKGS=(golang-go golang-github-vmware-govmomi-dev openssl)
MISSING=(); for p in "${PKGS[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || MISSING+=("$p"); done
if [ ${#MISSING[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages ${MISSING[*]}: sudo apt-get install ${MISSING[*]}"
  log "apt-get install ${MISSING[*]}"
  export DEBIAN_FRONTEND=noninteractive
  APT=(apt-get -q -o DPkg::Lock::Timeout=900)
  "${APT[@]}" install -y --no-install-recommends "${MISSING[@]}" >/tmp/gve-vcsim-apt.$$.log 2>&1 \
    || { "${APT[@]}" update >/dev/null 2>&1; "${APT[@]}" install -y --no-install-recommends "${MISSING[@]}" >/tmp/gve-vcsim-apt.$$.log 2>&1; } \
    || { tail -20 /tmp/gve-vcsim-apt.$$.log >&2; die "apt-get install ${MISSING[*]} failed"; }
  rm -f /tmp/gve-vcsim-apt.$$.log
fi

# ---- 2. build (GOPATH mode against /usr/share/gocode: no network, no go.mod) -----------------------
mkdir -p "$DIR/bin" "$DIR/build" "$DIR/tmp"
SUM=$( (sha256sum < "$SRC_DIR/main.go"; dpkg-query -W -f='${Version}' golang-github-vmware-govmomi-dev golang-go) | sha256sum | cut -c1-16)
if [ ! -x "$BIN" ] || [ "$(cat "$DIR/bin/vcsim.build-id" 2>/dev/null)" != "$SUM" ]; then
  log "building vcsim from $SRC_DIR/main.go (Go $(go env GOVERSION), govmomi $(dpkg-query -W -f='${Version}' golang-github-vmware-govmomi-dev))"
  cp "$SRC_DIR/main.go" "$DIR/build/main.go"
  ( cd "$DIR/build" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$DIR/gocache" GOFLAGS='' GOPROXY=off \
      go build -o "$BIN.new" . ) || die "go build of vcsim failed"
  mv -f "$BIN.new" "$BIN"; echo "$SUM" > "$DIR/bin/vcsim.build-id"
  log "built $BIN ($(du -h "$BIN" | cut -f1))"
fi

# ---- 3. TLS certificate + PKCS12 truststore ----------------------------------------------------
if [ ! -s "$DIR/vcsim.key" ] || [ ! -s "$DIR/vcsim.pem" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=vcsim \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$DIR/vcsim.key" -out "$DIR/vcsim.pem" 2>/dev/null \
    || die "openssl could not create the certificate"
  chmod 600 "$DIR/vcsim.key"; chmod 644 "$DIR/vcsim.pem"; rm -f "$TRUST"
  log "created self-signed certificate $DIR/vcsim.pem (10 years)"
fi
if [ ! -s "$TRUST" ] || [ "$(cat "$TRUST.pass" 2>/dev/null)" != "$STOREPASS" ]; then
  KEYTOOL=$(command -v keytool || true)
  [ -z "$KEYTOOL" ] && [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/keytool" ] && KEYTOOL=$JAVA_HOME/bin/keytool
  [ -n "$KEYTOOL" ] || die "keytool (a JDK) is needed to write the Java truststore $TRUST"
  rm -f "$TRUST"
  "$KEYTOOL" -importcert -noprompt -alias vcsim -file "$DIR/vcsim.pem" -keystore "$TRUST" \
    -storetype PKCS12 -storepass "$STOREPASS" >/dev/null 2>&1 || die "keytool could not write $TRUST"
  chmod 644 "$TRUST"; echo "$STOREPASS" > "$TRUST.pass"
  log "created truststore $TRUST (PKCS12, alias vcsim, password $STOREPASS)"
fi

# ---- 4. start --------------------------------------------------------------------------------------
AUTH=(); [ -n "${VCSIM_USER:-}" ] && AUTH=(-username "$VCSIM_USER" -password "${VCSIM_PASS:-}")
# the simulated datastores live in $TMPDIR/govcsim-*, removed by vcsim on SIGTERM
rm -rf "$DIR"/tmp/govcsim-* 2>/dev/null || true
TMPDIR="$DIR/tmp" setsid nohup "$BIN" -l "$ADDR" -tlscert "$DIR/vcsim.pem" -tlskey "$DIR/vcsim.key" \
  "${AUTH[@]}" "${EXTRA[@]}" >"$LOG" 2>&1 </dev/null &
PID=$!; echo "$PID" > "$PIDF"
# Until vcsim prints its ready line, watch the child by pid only: right after the fork it is still
# bash/setsid/nohup (alive() would see the wrong command name and give up on a slow machine).
child_running() { local st; st=$(cut -d' ' -f3 "/proc/$PID/stat" 2>/dev/null) && [ "$st" != Z ]; }
for _ in $(seq 400); do   # up to 20 s (a cold start on a loaded machine)
  grep -q '^VCSIM-READY' "$LOG" 2>/dev/null && break
  child_running || break; sleep 0.05
done
if ! grep -q '^VCSIM-READY' "$LOG" 2>/dev/null || ! alive || ! listening; then
  why="did not print its ready line within 20 s"
  if ! child_running; then rc=0; wait "$PID" 2>/dev/null || rc=$?; why="exited with status $rc"
  elif grep -q '^VCSIM-READY' "$LOG"; then why="is running but https://$ADDR/about does not answer"; fi
  sed 's/^/[vcsim.log] /' "$LOG" >&2 || true
  child_running && kill "$PID" 2>/dev/null; rm -f "$PIDF"
  die "vcsim $why (binary $BIN, log $LOG printed above)"
fi
log "vcsim pid $(cat "$PIDF") listening on $URL (truststore $TRUST, password $STOREPASS; credentials: $([ -n "${VCSIM_USER:-}" ] && echo "user $VCSIM_USER only" || echo "any user/password"))"
echo "$URL"
