#!/usr/bin/env bash
# Dues benchmarks (not tests): bill generation and payment notifications per second.
# Usage: scripts/bench-dues.sh [members=100000] [notifications=500]; TEST_DATABASE_URL picks the
# database (default SQLite; the budgets are for MariaDB: TEST_DATABASE_URL=mariadb://root@127.0.0.1:3306/test).
set -euo pipefail
cd "$(dirname "$0")/../server"
npx tsc -p tsconfig.test.json
TZ=Asia/Shanghai node dist-test/test/bench/dues.bench.js "${1:-100000}" "${2:-500}"
