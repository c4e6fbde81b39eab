#!/usr/bin/env bash
# setup-postgresql.sh - a PostgreSQL for GVE's Site Service (the HA database path) from Debian's
# packages, on a machine without systemd: installs `postgresql` when missing, creates the cluster
# when there is none, starts it with pg_ctlcluster, and makes role and database gve (password gve)
# reachable on 127.0.0.1:5432.
#
# Idempotent: when the cluster runs and gve can log in, it only checks (~0.1 s).
#
# Usage: setup-postgresql.sh [--stop | --status]
# Env:
#   GVE_PG_PORT      port (default 5432)
#   GVE_PG_USER      role to create (default gve)
#   GVE_PG_PASSWORD  its password (default gve)
#   GVE_PG_DB        database to create, owned by the role (default gve)
# Prints as its last line the JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/gve
# Use it with: gve-server --site.db.url=URL --site.db.user=gve --site.db.password=gve
set -euo pipefail
PORT=${GVE_PG_PORT:-5432}
ROLE=${GVE_PG_USER:-gve}
PASS=${GVE_PG_PASSWORD:-gve}
DB=${GVE_PG_DB:-gve}
URL="jdbc:postgresql://127.0.0.1:$PORT/$DB"
ACTION=start
while [ $# -gt 0 ]; do
  case "$1" in
    --stop) ACTION=stop;; --status) ACTION=status;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "setup-postgresql: unknown argument '$1' (see --help)" >&2; exit 2;;
  esac; shift
done
T0=$(date +%s%N)
log() { echo "[setup-postgresql +$(( ($(date +%s%N) - T0) / 1000000 ))ms] $*" >&2; }
die() { echo "[setup-postgresql] ERROR: $*" >&2; exit 1; }
[[ "$ROLE" =~ ^[a-z_][a-z0-9_]*$ && "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "role and database names must be plain lower-case identifiers"
[[ "$PASS" != *"'"* ]] || die "the password must not contain a single quote"

# the cluster of the newest installed version, as "VERSION NAME" (empty when there is none)
cluster() { pg_lsclusters -h 2>/dev/null | awk -v port="$PORT" '$3 == port { print $1, $2 }' | sort -V | tail -1; }
running() { pg_lsclusters -h 2>/dev/null | awk -v port="$PORT" '$3 == port && $4 ~ /^online/ { found=1 } END { exit !found }'; }
psql_admin() { runuser -u postgres -- psql -p "$PORT" -X -q -v ON_ERROR_STOP=1 -At "$@"; }
can_login() { PGPASSWORD="$PASS" psql -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" -X -At -c 'select 1' >/dev/null 2>&1; }

case $ACTION in
  status)
    if running && can_login; then log "PostgreSQL online on port $PORT, $ROLE can log in to $DB"; echo "$URL"; exit 0; fi
    log "PostgreSQL not ready on port $PORT"; exit 1;;
  stop)
    c=$(cluster); if [ -n "$c" ] && running; then pg_ctlcluster $c stop; log "stopped cluster $c"; fi; exit 0;;
esac

if command -v pg_lsclusters >/dev/null && running && can_login; then
  log "PostgreSQL already online on port $PORT; $ROLE can log in to $DB"
  echo "$URL"; exit 0
fi
[ "$(id -u)" = 0 ] || die "run as root (it installs packages, starts the cluster as the postgres user and creates a role)"

# ---- 1. packages ----
if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q 'ok installed'; then
  log "apt-get install postgresql"
  export DEBIAN_FRONTEND=noninteractive
  APT=(apt-get -q -o DPkg::Lock::Timeout=900)
  # Debian's postinst creates and tries to start the cluster; without systemd or init it may fail to start it
  "${APT[@]}" install -y --no-install-recommends postgresql >/tmp/gve-pg-apt.$$.log 2>&1 \
    || { "${APT[@]}" update >/dev/null 2>&1; "${APT[@]}" install -y --no-install-recommends postgresql >/tmp/gve-pg-apt.$$.log 2>&1; } \
    || { tail -20 /tmp/gve-pg-apt.$$.log >&2; die "apt-get install postgresql failed"; }
  rm -f /tmp/gve-pg-apt.$$.log
fi
command -v pg_lsclusters >/dev/null || die "postgresql-common is installed but pg_lsclusters is missing"

# ---- 2. cluster ----
c=$(cluster)
if [ -z "$c" ]; then
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
  [ -n "$version" ] || die "no PostgreSQL server version under /usr/lib/postgresql"
  log "pg_createcluster $version main --port $PORT"
  pg_createcluster "$version" main --port "$PORT" >/dev/null
  c=$(cluster)
fi
if ! running; then
  log "pg_ctlcluster $c start"
  mkdir -p /var/run/postgresql && chown postgres:postgres /var/run/postgresql
  pg_ctlcluster $c start || die "the cluster $c did not start (see /var/log/postgresql/postgresql-${c// /-}.log)"
fi
for _ in $(seq 100); do runuser -u postgres -- psql -p "$PORT" -X -At -c 'select 1' >/dev/null 2>&1 && break; sleep 0.1; done
running || die "cluster $c is not online"

# ---- 3. role and database (password login over TCP: Debian's pg_hba allows scram for 127.0.0.1) ----
if [ "$(psql_admin -c "select count(*) from pg_roles where rolname = '$ROLE'")" = 0 ]; then
  log "create role $ROLE"
  psql_admin -c "create role $ROLE login password '$PASS'"
else
  psql_admin -c "alter role $ROLE login password '$PASS'"
fi
if [ "$(psql_admin -c "select count(*) from pg_database where datname = '$DB'")" = 0 ]; then
  log "create database $DB owned by $ROLE"
  psql_admin -c "create database $DB owner $ROLE"
fi
can_login || die "$ROLE cannot log in to $DB on 127.0.0.1:$PORT with its password (check pg_hba.conf of cluster $c)"
log "PostgreSQL online on port $PORT; $ROLE can log in to $DB"
echo "$URL"
