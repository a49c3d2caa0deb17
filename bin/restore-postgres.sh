#!/usr/bin/env bash
# Restores a Shimbun backup made by bin/backup-postgres.sh: the database with pg_restore into an
# existing (normally new and empty) database, then the media files. Stop the application first.
# See docs/backup.md.
set -euo pipefail

program=$(basename "$0")

usage() {
  cat <<EOF
Usage: $program [--force] [--dbname CONNECTION] [--media-dir DIR | --no-media] BACKUP_DIR

Restores BACKUP_DIR (OUTPUT_DIR/shimbun-YYYYMMDD-HHMMSS from bin/backup-postgres.sh):
database.dump with pg_restore --clean --if-exists --no-owner --no-privileges in one
transaction, then media.tar into the media directory.

The target database must exist (createdb shimbun, or CREATE DATABASE shimbun OWNER shimbun);
its objects will belong to the user who restores. Name it with --dbname (a database name or a
postgresql:// URL) or PGDATABASE; the other standard libpq variables (PGHOST, PGPORT, PGUSER,
PGPASSWORD or ~/.pgpass, ...) say where and as whom. When neither names it and
SPRING_DATASOURCE_URL is a jdbc:postgresql: URL, that is used with SPRING_DATASOURCE_USERNAME
and _PASSWORD.

  --dbname CONNECTION  target database name or postgresql:// URL
  --media-dir DIR      where the media files go; default \$SHIMBUN_MEDIA_DIR, else \$SHIMBUN_DATA_DIR/media
  --no-media           restore the database only
  --force              replace a database that already holds Shimbun tables, and media files
                       that are there; the old media directory is kept beside the new one,
                       renamed to DIR.before-restore-YYYYMMDD-HHMMSS
  -h, --help           show this help
EOF
}

fail() {
  echo "$program: $*" >&2
  exit 1
}

force=false
dbname=""
media_dir=""
no_media=false
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=true; shift ;;
    --dbname) [ $# -ge 2 ] || { usage >&2; exit 2; }; dbname=$2; shift 2 ;;
    --dbname=*) dbname=${1#*=}; shift ;;
    --media-dir) [ $# -ge 2 ] || { usage >&2; exit 2; }; media_dir=$2; shift 2 ;;
    --media-dir=*) media_dir=${1#*=}; shift ;;
    --no-media) no_media=true; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; break ;;
    -*) echo "$program: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 1 ]; then
  usage >&2
  exit 2
fi
backup_dir=$1

for tool in pg_restore psql; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is needed (Debian: apt-get install postgresql-client)"
done
[ -f "$backup_dir/database.dump" ] || fail "no database.dump in $backup_dir: not a backup from backup-postgres.sh"
pg_restore --list "$backup_dir/database.dump" >/dev/null || fail "$backup_dir/database.dump is damaged"

if [ -z "$dbname" ] && [ -z "${PGDATABASE:-}${PGHOST:-}${PGSERVICE:-}" ] \
    && [[ ${SPRING_DATASOURCE_URL:-} == jdbc:postgresql:* ]]; then
  dbname=${SPRING_DATASOURCE_URL#jdbc:}
  if [ -n "${SPRING_DATASOURCE_USERNAME:-}" ]; then export PGUSER=$SPRING_DATASOURCE_USERNAME; fi
  if [ -n "${SPRING_DATASOURCE_PASSWORD:-}" ]; then export PGPASSWORD=$SPRING_DATASOURCE_PASSWORD; fi
fi
# pg_restore needs the target named, and a restore should never guess it.
dbname=${dbname:-${PGDATABASE:-}}
[ -n "$dbname" ] || fail "which database? Give --dbname NAME_OR_URL or set PGDATABASE"
connection=(--dbname "$dbname")

if ! $no_media; then
  [ -f "$backup_dir/media.tar" ] || fail "no media.tar in $backup_dir (it was taken with --no-media?): use --no-media"
  if [ -z "$media_dir" ]; then
    if [ -n "${SHIMBUN_MEDIA_DIR:-}" ]; then
      media_dir=$SHIMBUN_MEDIA_DIR
    elif [ -n "${SHIMBUN_DATA_DIR:-}" ]; then
      media_dir=$SHIMBUN_DATA_DIR/media
    else
      fail "where do the media files go? Give --media-dir DIR (or --no-media)"
    fi
  fi
fi

stamp=$(date +%Y%m%d-%H%M%S)

# Refuse before anything is changed.
existing=$(psql --no-psqlrc --quiet --tuples-only --no-align --set ON_ERROR_STOP=1 \
  ${connection[@]+"${connection[@]}"} \
  --command "SELECT to_regclass('flyway_schema_history') IS NOT NULL") \
  || fail "cannot connect to the target database (does it exist? createdb NAME)"
if [ "$existing" = "t" ]; then
  $force || fail "the target database already holds a Shimbun schema; use --force to replace it"
fi
if ! $no_media && [ -d "$media_dir" ] && [ -n "$(ls -A "$media_dir")" ]; then
  $force || fail "$media_dir already holds media files. Use --force to replace them (the old directory is kept as $media_dir.before-restore-$stamp)"
fi

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  ${connection[@]+"${connection[@]}"} "$backup_dir/database.dump"
echo "Restored the database from $backup_dir/database.dump"

if ! $no_media; then
  parent=$(dirname "$media_dir")
  mkdir -p "$parent"
  staging=$(mktemp -d "$parent/.restore-media-XXXXXX")
  trap 'rm -rf "$staging"' EXIT
  tar --extract --file="$backup_dir/media.tar" --directory="$staging" --no-same-owner
  if [ -d "$media_dir" ]; then
    if [ -n "$(ls -A "$media_dir")" ]; then
      mv "$media_dir" "$media_dir.before-restore-$stamp"
    else
      rmdir "$media_dir"
    fi
  fi
  mv "$staging" "$media_dir"
  chmod 755 "$media_dir"
  trap - EXIT
  count=$(find "$media_dir" -type f | wc -l)
  echo "Restored $count media files into $media_dir"
fi
