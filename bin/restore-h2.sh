#!/usr/bin/env bash
# Restores a Shimbun backup archive (shimbun-YYYYMMDD-HHMMSS.zip, taken on /admin/backups or by
# shimbun.backup.cron with the embedded H2 database) into a data directory: the database file into
# DATA_DIR, the media files into DATA_DIR/media (or --media-dir). Stop the application first, and
# run this as the user the application runs as. See docs/backup.md.
set -euo pipefail

program=$(basename "$0")

usage() {
  cat <<EOF
Usage: $program [--force] [--media-dir DIR | --no-media] BACKUP.zip DATA_DIR

Restores a Shimbun H2 backup archive into DATA_DIR (shimbun.data-dir) with the application stopped.

  BACKUP.zip        an archive from /admin/backups (shimbun-YYYYMMDD-HHMMSS.zip)
  DATA_DIR          the data directory to restore into; created if missing
  --media-dir DIR   where the media files go (shimbun.media.dir); default DATA_DIR/media
  --no-media        restore the database only: the media are kept in an object store
                    (shimbun.media.storage=s3), where the application puts them back when
                    started once with shimbun.backup.restore-media=BACKUP.zip
                    (docs/media-storage.md)
  --force           replace an existing database and media files. What was there is kept
                    beside them, renamed to NAME.before-restore-YYYYMMDD-HHMMSS
  -h, --help        show this help

Without --force, the script refuses to touch a data directory that already holds a database
or a media directory that already holds files.
EOF
}

fail() {
  echo "$program: $*" >&2
  exit 1
}

force=false
media_dir=""
media=true
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=true; shift ;;
    --media-dir) [ $# -ge 2 ] || { usage >&2; exit 2; }; media_dir=$2; shift 2 ;;
    --media-dir=*) media_dir=${1#*=}; shift ;;
    --no-media) media=false; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; break ;;
    -*) echo "$program: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 2 ]; then
  usage >&2
  exit 2
fi
archive=$1
data_dir=$2
media_dir=${media_dir:-$data_dir/media}

command -v unzip >/dev/null 2>&1 || fail "unzip is needed (Debian: apt-get install unzip)"
[ -f "$archive" ] || fail "no such file: $archive"
entries=$(unzip -Z1 "$archive" 2>/dev/null) || fail "not a zip archive: $archive"
grep -qx 'backup.properties' <<<"$entries" || fail "not a Shimbun backup (no backup.properties): $archive"
databases=$(grep -E '^database/[^/]+\.mv\.db$' <<<"$entries" || true)
[ -n "$databases" ] || fail "no database file (database/*.mv.db) in $archive"

stamp=$(date +%Y%m%d-%H%M%S)

# Refuse before anything is changed.
for entry in $databases; do
  target=$data_dir/${entry#database/}
  if [ -s "$target" ]; then
    $force || fail "$target exists: the data directory already holds a database. Stop the application and use --force to replace it (the old file is kept as $target.before-restore-$stamp)"
    if command -v fuser >/dev/null 2>&1 && fuser -s "$target" 2>/dev/null; then
      fail "$target is in use: stop the application first"
    fi
  fi
done
if $media && [ -d "$media_dir" ] && [ -n "$(ls -A "$media_dir")" ]; then
  $force || fail "$media_dir already holds media files. Use --force to replace them (the old directory is kept as $media_dir.before-restore-$stamp)"
fi

unzip -tq "$archive" >/dev/null || fail "the archive is damaged: $archive"

mkdir -p "$data_dir"
staging=$(mktemp -d "$data_dir/.restore-XXXXXX")
trap 'rm -rf "$staging"' EXIT
unzip -q "$archive" -d "$staging"

for entry in $databases; do
  name=${entry#database/}
  target=$data_dir/$name
  if [ -e "$target" ]; then
    mv "$target" "$target.before-restore-$stamp"
  fi
  # A trace file belongs to the database it was written for.
  base=${name%.mv.db}
  if [ -e "$data_dir/$base.trace.db" ]; then
    mv "$data_dir/$base.trace.db" "$data_dir/$base.trace.db.before-restore-$stamp"
  fi
  mv "$staging/$entry" "$target"
  echo "Restored database $target"
done

if $media; then
  mkdir -p "$staging/media"
  if [ -d "$media_dir" ]; then
    if [ -n "$(ls -A "$media_dir")" ]; then
      mv "$media_dir" "$media_dir.before-restore-$stamp"
    else
      rmdir "$media_dir"
    fi
  fi
  mkdir -p "$(dirname "$media_dir")"
  mv "$staging/media" "$media_dir"
  count=$(find "$media_dir" -type f | wc -l)
  echo "Restored $count media files into $media_dir"
else
  echo "Media files left out (--no-media): start the application once with shimbun.backup.restore-media=$archive"
fi
created=$(sed -n 's/^created=//p' "$staging/backup.properties")
echo "Backup taken at ${created:-an unknown time} (UTC). Start the application with shimbun.data-dir=$data_dir."
