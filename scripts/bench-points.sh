#!/usr/bin/env bash
# Rankings benchmark (not a test): top-N and my rank for a member among N members.
# Usage: scripts/bench-points.sh [members=1000000] [rounds=200]; TEST_DATABASE_URL picks the database (the budget
# is for MariaDB: TEST_DATABASE_URL=mariadb://root@127.0.0.1:3306/test); with REDIS_URL set the
# rankings come from Redis sorted sets (e.g. REDIS_URL=redis://127.0.0.1:6379).
set -euo pipefail
cd "$(dirname "$0")/../server"
npx tsc -p tsconfig.test.json
TZ=Asia/Shanghai node dist-test/test/bench/points.bench.js "${1:-1000000}" "${2:-200}"
