#!/usr/bin/env bash
# setup-db.sh makes a fresh Debian machine ready for plume: PostgreSQL
# reachable, the pgvector extension available (built from Debian's source
# package when it is missing), and the plume and plume_test databases created.
# It is idempotent: when everything is already there it takes well under a second.
set -euo pipefail

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DATABASES=${PLUME_DATABASES:-"plume plume_test"}

log() { printf 'setup-db: %s\n' "$*" >&2; }

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

psql_q() { psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

# 1. PostgreSQL reachable.
if ! pg_isready -q -t 2; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    log "starting PostgreSQL $version"
    sudo_if_needed pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  for _ in $(seq 1 30); do pg_isready -q -t 1 && break; sleep 1; done
  pg_isready -q -t 2 || { log "PostgreSQL is not reachable at $PGHOST:$PGPORT"; exit 1; }
fi

# 2. pgvector available.
vector_available() {
  [ "$(psql_q -tAc "SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'")" = "1" ]
}

build_pgvector() {
  local pgmajor srcdir list
  pgmajor=$(psql_q -tAc "SHOW server_version_num" | cut -c1-2)
  log "pgvector missing for PostgreSQL $pgmajor: building it from Debian's source package"
  list=/etc/apt/sources.list.d/plume-pgvector-src.list
  if [ ! -f "$list" ]; then
    echo "deb-src http://deb.debian.org/debian trixie main" | sudo_if_needed tee "$list" >/dev/null
  fi
  sudo_if_needed apt-get update -qq >/dev/null
  sudo_if_needed apt-get install -y -qq "postgresql-server-dev-$pgmajor" make gcc >/dev/null
  srcdir=$(mktemp -d)
  (
    cd "$srcdir"
    apt-get source --download-only pgvector >/dev/null 2>&1
    tar xzf pgvector_*.orig.tar.gz
    cd pgvector-*/
    make -s OPTFLAGS="" >/dev/null
    sudo_if_needed make -s install >/dev/null
  )
  rm -rf "$srcdir"
}

if ! vector_available; then
  build_pgvector
  vector_available || { log "pgvector still unavailable after the build"; exit 1; }
fi

# 3. Databases, each with the extensions plume's migrations need (creating
# them here as superuser lets the migrations run as an ordinary role).
for db in $DATABASES; do
  if [ "$(psql_q -tAc "SELECT count(*) FROM pg_database WHERE datname = '$db'")" = "0" ]; then
    log "creating database $db"
    psql_q -c "CREATE DATABASE \"$db\""
  fi
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION IF NOT EXISTS vector; CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm;"
done
log "ready ($DATABASES on $PGHOST:$PGPORT, pgvector $(psql_q -tAc "SELECT default_version FROM pg_available_extensions WHERE name='vector'"))"
