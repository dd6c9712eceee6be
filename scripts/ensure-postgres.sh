#!/usr/bin/env bash
# Makes sure the local PostgreSQL answers on 127.0.0.1:5432 (tests use a
# throwaway database on it). Starts the preinstalled cluster if it is down.
set -euo pipefail
dsn_host=127.0.0.1
if pg_isready -h "$dsn_host" -p 5432 -q 2>/dev/null; then
  exit 0
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "ensure-postgres: PostgreSQL is not running and pg_ctlcluster is missing; install PostgreSQL or set SIO_TEST_POSTGRES" >&2
  exit 1
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
echo "ensure-postgres: starting PostgreSQL $version" >&2
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 1 60); do
  if pg_isready -h "$dsn_host" -p 5432 -q 2>/dev/null; then
    exit 0
  fi
  sleep 1
done
echo "ensure-postgres: PostgreSQL did not become ready" >&2
exit 1
