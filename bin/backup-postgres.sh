#!/usr/bin/env bash
# Backs up a Shimbun site on PostgreSQL: the database with pg_dump (custom format) and the media
# files as a tar, together in one new directory OUTPUT_DIR/shimbun-YYYYMMDD-HHMMSS. The site keeps
# running: pg_dump reads one consistent snapshot. Restore with bin/restore-postgres.sh.
# See docs/backup.md.
set -euo pipefail

program=$(basename "$0")

usage() {
  cat <<EOF
Usage: $program [--dbname CONNECTION] [--media-dir DIR | --no-media] [--keep N] OUTPUT_DIR

Writes OUTPUT_DIR/shimbun-YYYYMMDD-HHMMSS/ with
  database.dump      pg_dump --format=custom of the database
  media.tar          the media files (shimbun.media.dir)
  backup.properties  when and what

Connection: the standard libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass,
PGDATABASE, ...), or --dbname with a database name or a URL such as
postgresql://shimbun@db.example:5432/shimbun. When neither is given and SPRING_DATASOURCE_URL
is a jdbc:postgresql: URL, it is used with SPRING_DATASOURCE_USERNAME and _PASSWORD.

  --dbname CONNECTION  database name or postgresql:// URL, passed to pg_dump
  --media-dir DIR      the media directory; default \$SHIMBUN_MEDIA_DIR, else \$SHIMBUN_DATA_DIR/media
  --no-media           back up the database only
  --keep N             afterwards, delete all but the newest N backups in OUTPUT_DIR
  -h, --help           show this help
EOF
}

fail() {
  echo "$program: $*" >&2
  exit 1
}

dbname=""
media_dir=""
no_media=false
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dbname) [ $# -ge 2 ] || { usage >&2; exit 2; }; dbname=$2; shift 2 ;;
    --dbname=*) dbname=${1#*=}; shift ;;
    --media-dir) [ $# -ge 2 ] || { usage >&2; exit 2; }; media_dir=$2; shift 2 ;;
    --media-dir=*) media_dir=${1#*=}; shift ;;
    --no-media) no_media=true; shift ;;
    --keep) [ $# -ge 2 ] || { usage >&2; exit 2; }; keep=$2; shift 2 ;;
    --keep=*) keep=${1#*=}; shift ;;
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
output_dir=$1
if [ -n "$keep" ] && ! [[ $keep =~ ^[1-9][0-9]*$ ]]; then
  fail "--keep takes a number of backups (1 or more), not '$keep'"
fi

command -v pg_dump >/dev/null 2>&1 || fail "pg_dump is needed (Debian: apt-get install postgresql-client)"

# The application's own settings, when nothing else says where the database is.
if [ -z "$dbname" ] && [ -z "${PGDATABASE:-}${PGHOST:-}${PGSERVICE:-}" ] \
    && [[ ${SPRING_DATASOURCE_URL:-} == jdbc:postgresql:* ]]; then
  dbname=${SPRING_DATASOURCE_URL#jdbc:}
  if [ -n "${SPRING_DATASOURCE_USERNAME:-}" ]; then export PGUSER=$SPRING_DATASOURCE_USERNAME; fi
  if [ -n "${SPRING_DATASOURCE_PASSWORD:-}" ]; then export PGPASSWORD=$SPRING_DATASOURCE_PASSWORD; fi
fi
connection=()
if [ -n "$dbname" ]; then connection=(--dbname "$dbname"); fi

if ! $no_media; then
  if [ -z "$media_dir" ]; then
    if [ -n "${SHIMBUN_MEDIA_DIR:-}" ]; then
      media_dir=$SHIMBUN_MEDIA_DIR
    elif [ -n "${SHIMBUN_DATA_DIR:-}" ]; then
      media_dir=$SHIMBUN_DATA_DIR/media
    else
      fail "where are the media files? Give --media-dir DIR (or --no-media)"
    fi
  fi
  [ -d "$media_dir" ] || fail "no media directory $media_dir (give --media-dir DIR, or --no-media)"
fi

mkdir -p "$output_dir"
name=shimbun-$(date +%Y%m%d-%H%M%S)
[ ! -e "$output_dir/$name" ] || fail "$output_dir/$name exists already; try again in a second"
partial=$output_dir/.$name.partial
trap 'rm -rf "$partial"' EXIT
mkdir "$partial"

pg_dump --format=custom --file="$partial/database.dump" ${connection[@]+"${connection[@]}"}

media_files=0
if ! $no_media; then
  # Files being written by the application are hidden (.640-123.tmp) and skipped. A file that is
  # deleted while tar reads the directory makes tar warn and exit with 1, which is not an error.
  status=0
  tar --create --file="$partial/media.tar" --directory="$media_dir" --exclude='.*.tmp' \
    --warning=no-file-changed --warning=no-file-removed . || status=$?
  [ "$status" -le 1 ] || fail "tar failed with status $status"
  media_files=$(tar --list --file="$partial/media.tar" | grep -vc '/$' || true)
fi

{
  echo "# Shimbun backup: restore with bin/restore-postgres.sh (docs/backup.md)"
  echo "format=1"
  echo "created=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database=postgresql"
  echo "pg_dump.version=$(pg_dump --version)"
  echo "media=$(if $no_media; then echo none; else echo media.tar; fi)"
  echo "media.files=$media_files"
} >"$partial/backup.properties"

mv "$partial" "$output_dir/$name"
trap - EXIT
echo "$output_dir/$name"
echo "Backed up the database ($(du -h "$output_dir/$name/database.dump" | cut -f1)) and $media_files media files." >&2

if [ -n "$keep" ]; then
  # Names sort by time; only this script's directories are considered.
  find "$output_dir" -mindepth 1 -maxdepth 1 -type d -name 'shimbun-[0-9]*' -printf '%f\n' | sort -r \
    | tail -n +"$((keep + 1))" | while IFS= read -r old; do
      rm -rf -- "${output_dir:?}/$old"
      echo "Deleted old backup $output_dir/$old" >&2
    done
fi
