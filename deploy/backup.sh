#!/bin/sh
# Backs up or restores a Newsroom site: its database and its media folder.
#
#   deploy/backup.sh backup  DIR   writes DIR/database.dump (PostgreSQL, pg_dump's custom format)
#                                  or DIR/database.sqlite3 (SQLite's .backup), and DIR/media.tar.gz
#   deploy/backup.sh restore DIR   reads them back into an EMPTY database and media folder
#
# The site is the one the environment names, as for the app itself: DATABASE_URL
# and MEDIA_ROOT (load /etc/newsroom/env first; docs/backups.md). A restore
# refuses a database that already has tables or a media folder with files in it,
# so that it never mixes two sites.
set -eu

usage() { echo "usage: $0 backup|restore DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2
here=$(cd "$(dirname "$0")/.." && pwd)
database_url=${DATABASE_URL:-sqlite:///$here/db.sqlite3}
media_root=${MEDIA_ROOT:-$here/media}

case $database_url in
    postgres://* | postgresql://* | pgsql://*) engine=postgres ;;
    sqlite:///*) engine=sqlite; sqlite_path=${database_url#sqlite://} ;;
    *) echo "$0: DATABASE_URL must be a PostgreSQL or SQLite URL" >&2; exit 2 ;;
esac
# pg_dump and psql know postgres:// and postgresql://; dj-database-url also accepts pgsql://.
pg_url=$(printf '%s' "$database_url" | sed 's|^pgsql://|postgresql://|')

case $action in
backup)
    mkdir -p "$dir"
    if [ $engine = postgres ]; then
        # One consistent snapshot of the whole database, restorable with pg_restore.
        pg_dump --format=custom --no-owner --no-privileges --file="$dir/database.dump" "$pg_url"
    else
        # .backup copies a consistent database even while the site writes to it (WAL included).
        sqlite3 "$sqlite_path" ".backup '$dir/database.sqlite3'"
    fi
    mkdir -p "$media_root"
    tar -C "$media_root" -czf "$dir/media.tar.gz" .
    echo "backed up to $dir"
    ;;
restore)
    [ -f "$dir/media.tar.gz" ] || { echo "$0: no media.tar.gz in $dir" >&2; exit 1; }
    if [ -d "$media_root" ] && [ -n "$(ls -A "$media_root")" ]; then
        echo "$0: $media_root is not empty" >&2; exit 1
    fi
    if [ $engine = postgres ]; then
        tables=$(psql --no-psqlrc --tuples-only --no-align --dbname="$pg_url" \
            --command="select count(*) from pg_tables where schemaname = 'public'")
        [ "$tables" = 0 ] || { echo "$0: the database already has tables" >&2; exit 1; }
        pg_restore --no-owner --no-privileges --exit-on-error --dbname="$pg_url" "$dir/database.dump"
    else
        if [ -s "$sqlite_path" ]; then echo "$0: $sqlite_path already exists" >&2; exit 1; fi
        sqlite3 "$sqlite_path" ".restore '$dir/database.sqlite3'"
    fi
    mkdir -p "$media_root"
    tar -C "$media_root" -xzf "$dir/media.tar.gz"
    echo "restored from $dir"
    ;;
*) usage ;;
esac
