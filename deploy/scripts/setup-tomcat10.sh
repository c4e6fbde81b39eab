#!/usr/bin/env bash
# setup-tomcat10.sh - Debian's Tomcat 10 for gve.war (the WAR deployment path), on a machine without
# systemd. Installs `tomcat10` when missing (its postinst creates the user tomcat and the package's
# default instance /var/lib/tomcat10, which this script never starts or changes) and prints
#   CATALINA_HOME=/usr/share/tomcat10
#   CATALINA_BASE=/var/lib/tomcat10        (the package's default instance)
#
# Private instances: --instance DIR makes DIR a CATALINA_BASE of its own (conf from the package's
# skeleton /usr/share/tomcat10/skel, HTTP connector on --port at --bind, no shutdown port), and with
# --war and --config deploys gve.war there as context /gve reading that properties file (a context
# parameter gve.config in DIR/conf/Catalina/localhost/gve.xml). --start / --stop / --status run it in
# the background (catalina.sh start; pid in DIR/tomcat.pid, output in DIR/logs/catalina.out);
# `CATALINA_HOME=/usr/share/tomcat10 CATALINA_BASE=DIR /usr/share/tomcat10/bin/catalina.sh run` runs it
# in the foreground, which is what WarDeploymentIT does after calling this script with --instance.
#
# Idempotent: with the package installed it only checks (~10 ms); an existing instance keeps its files
# (only the port, the bind address, the WAR and the gve.config parameter are written again).
#
# Usage: setup-tomcat10.sh [--instance DIR [--port N] [--bind ADDR] [--war FILE --config FILE]
#                           [--start | --stop | --status]]
#   e.g. setup-tomcat10.sh --instance /var/lib/gve/tomcat10-it --port 18080 \
#          --war deploy/target/gve.war --config /etc/gve/gve.properties --start
# Env: GVE_TOMCAT_PORT, GVE_TOMCAT_BIND (a new instance: 8080 at 127.0.0.1; an existing one keeps its own)
set -euo pipefail
HOME_DIR=/usr/share/tomcat10
BASE=""; PORT=${GVE_TOMCAT_PORT:-}; BIND=${GVE_TOMCAT_BIND:-}; WAR=""; CONFIG=""; ACTION=""
while [ $# -gt 0 ]; do
  case "$1" in
    --instance) BASE=${2:?--instance needs a directory}; shift;;
    --port) PORT=${2:?--port needs a number}; shift;;
    --bind) BIND=${2:?--bind needs an address}; shift;;
    --war) WAR=${2:?--war needs a file}; shift;;
    --config) CONFIG=${2:?--config needs a file}; shift;;
    --start) ACTION=start;; --stop) ACTION=stop;; --status) ACTION=status;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "setup-tomcat10: unknown argument '$1' (see --help)" >&2; exit 2;;
  esac; shift
done
T0=$(date +%s%N)
log() { echo "[setup-tomcat10 +$(( ($(date +%s%N) - T0) / 1000000 ))ms] $*" >&2; }
die() { echo "[setup-tomcat10] ERROR: $*" >&2; exit 1; }
[ -z "$PORT" ] || [[ "$PORT" =~ ^[0-9]+$ && "$PORT" -gt 0 && "$PORT" -lt 65536 ]] || die "--port must be a TCP port, got '$PORT'"
[ -z "$ACTION" ] || [ -n "$BASE" ] || die "--$ACTION needs --instance DIR"
[ -z "$WAR$CONFIG" ] || { [ -n "$WAR" ] && [ -n "$CONFIG" ] && [ -n "$BASE" ]; } || die "--war and --config go together, with --instance"

# ---- 1. the package ----
installed() { [ -x "$HOME_DIR/bin/catalina.sh" ] && dpkg-query -W -f='${Status}' tomcat10 2>/dev/null | grep -q 'ok installed'; }
if ! installed; then
  [ "$(id -u)" = 0 ] || die "Debian's tomcat10 is not installed; as root: apt-get install tomcat10"
  log "apt-get install tomcat10 (about 15 s)"
  export DEBIAN_FRONTEND=noninteractive
  APT=(apt-get -q -o DPkg::Lock::Timeout=900)
  # tomcat10 needs sysusers and tmpfiles for its postinst: without the systemd package, the standalone
  # ones (not all of systemd); with no systemd running, the postinst only enables tomcat10.service
  pkgs=(tomcat10)
  dpkg-query -W -f='${Status}' systemd 2>/dev/null | grep -q 'ok installed' \
    || pkgs+=(systemd-standalone-sysusers systemd-standalone-tmpfiles)
  "${APT[@]}" install -y --no-install-recommends "${pkgs[@]}" >/tmp/gve-tomcat-apt.$$.log 2>&1 \
    || { "${APT[@]}" update >/dev/null 2>&1; "${APT[@]}" install -y --no-install-recommends "${pkgs[@]}" >/tmp/gve-tomcat-apt.$$.log 2>&1; } \
    || { tail -20 /tmp/gve-tomcat-apt.$$.log >&2; die "apt-get install tomcat10 failed"; }
  rm -f /tmp/gve-tomcat-apt.$$.log
  installed || die "tomcat10 is installed but $HOME_DIR/bin/catalina.sh is missing"
fi
version=$(dpkg-query -W -f='${Version}' tomcat10)

if [ -z "$BASE" ]; then
  log "Debian's tomcat10 $version is installed"
  echo "CATALINA_HOME=$HOME_DIR"
  echo "CATALINA_BASE=/var/lib/tomcat10"
  exit 0
fi

# ---- 2. a private instance ----
pid_file="$BASE/tomcat.pid"
running() { [ -s "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }
case $ACTION in
  status)
    if running; then log "instance $BASE runs (pid $(cat "$pid_file"))"; echo "CATALINA_BASE=$BASE"; exit 0; fi
    log "instance $BASE is not running"; exit 1;;
  stop)
    if running; then
      pid=$(cat "$pid_file"); kill -TERM "$pid"   # the JVM's shutdown hook stops Tomcat cleanly
      for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; log "killed $pid after 20 s"; else log "stopped $pid"; fi
    fi
    rm -f "$pid_file"; exit 0;;
esac

connector() { grep -o -m1 -E '<Connector port="[0-9]+" protocol="HTTP/1.1"( address="[^"]*")?' "$BASE/conf/server.xml"; }
if [ ! -f "$BASE/conf/server.xml" ]; then
  log "new CATALINA_BASE $BASE from $HOME_DIR/skel"
  mkdir -p "$BASE"/{conf,logs,webapps,work,temp,lib}
  cp -r "$HOME_DIR"/skel/* "$BASE"/
  PORT=${PORT:-8080}; BIND=${BIND:-127.0.0.1}
fi
mkdir -p "$BASE"/{logs,webapps,work,temp,lib,conf/Catalina/localhost}
if [ -n "$PORT$BIND" ]; then  # an existing instance keeps what it has unless told otherwise
  current=$(connector) || die "no HTTP/1.1 connector in $BASE/conf/server.xml"
  [ -n "$PORT" ] || PORT=$(sed -E 's/.*port="([0-9]+)".*/\1/' <<<"$current")
  [ -n "$BIND" ] || BIND=$(sed -n -E 's/.*address="([^"]*)".*/\1/p' <<<"$current")
  # the skeleton's connector is port="8080" with no address; the server has no shutdown port (port="-1")
  sed -i -E '0,/<Connector port="[0-9]+" protocol="HTTP\/1.1"( address="[^"]*")?/s//<Connector port="'"$PORT"'" protocol="HTTP\/1.1" address="'"${BIND:-0.0.0.0}"'"/' \
    "$BASE/conf/server.xml"
fi
current=$(connector) || die "no HTTP/1.1 connector in $BASE/conf/server.xml"
PORT=$(sed -E 's/.*port="([0-9]+)".*/\1/' <<<"$current")
BIND=$(sed -n -E 's/.*address="([^"]*)".*/\1/p' <<<"$current")

if [ -n "$WAR" ]; then
  [ -f "$WAR" ] || die "no WAR at $WAR (build it: mvn -pl deploy -am package)"
  [ -f "$CONFIG" ] || die "no properties file at $CONFIG"
  config_path=$(cd "$(dirname "$CONFIG")" && pwd)/$(basename "$CONFIG")
  rm -rf "$BASE/webapps/gve"
  cp "$WAR" "$BASE/webapps/gve.war"
  cat > "$BASE/conf/Catalina/localhost/gve.xml" <<EOF
<!-- written by setup-tomcat10.sh: gve.war reads its configuration from this properties file -->
<Context>
  <Parameter name="gve.config" value="$config_path" override="false"/>
</Context>
EOF
  log "deployed $(basename "$WAR") as /gve with gve.config=$config_path"
fi

if [ "$ACTION" = start ]; then
  if running; then log "instance $BASE already runs (pid $(cat "$pid_file"))"; else
    CATALINA_HOME=$HOME_DIR CATALINA_BASE=$BASE CATALINA_PID=$pid_file "$HOME_DIR/bin/catalina.sh" start >/dev/null
    log "started: http://${BIND:-0.0.0.0}:$PORT/ (output in $BASE/logs/catalina.out)"
  fi
fi
echo "CATALINA_HOME=$HOME_DIR"
echo "CATALINA_BASE=$BASE"
