#!/bin/sh
# Run once by the PostgreSQL image when it creates the primary's data: let the
# replica (another container of the compose network) stream the WAL.
set -e
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
