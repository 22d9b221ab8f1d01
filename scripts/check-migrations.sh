#!/usr/bin/env bash
# Migration drift check (CI): on a fresh database of each driver, run every migration, then ask
# TypeORM whether the entities need any further change. `migration:generate --check` exits 1 on drift.
# Usage: scripts/check-migrations.sh [mariadb-base-url]   (default mariadb://root@127.0.0.1:3306)
set -euo pipefail
cd "$(dirname "$0")/../server"
[ -f dist/src/database/data-source.js ] || npx tsc -p tsconfig.build.json
MYSQL_BASE="${1:-mariadb://root@127.0.0.1:3306}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {
  local name=$1 url=$2 dir=$3
  echo "== migrations on $name"
  DATABASE_URL="$url" npx typeorm -d dist/src/database/data-source.js migration:run >/dev/null
  if DATABASE_URL="$url" npx typeorm -d dist/src/database/data-source.js migration:generate --check "src/database/migrations/$dir/Drift" > "$tmp/$name.out" 2>&1; then
    echo "   no drift"
  else
    cat "$tmp/$name.out"
    echo "   DRIFT on $name: generate a migration for it (see README)" >&2
    return 1
  fi
}

check sqlite "sqlite:$tmp/check.sqlite" sqlite
db="dj_migcheck_$$"
mysql -h 127.0.0.1 -uroot -e "CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
trap 'rm -rf "$tmp"; mysql -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`$db\`"' EXIT
check mariadb "$MYSQL_BASE/$db" mysql
