#!/usr/bin/env bash
# Runs every test: installs what is needed, builds, starts the local S3 server (Ceph
# radosgw on 127.0.0.1), runs the unit, SQL and S3 integration tests, then builds again
# with AddressSanitizer + UndefinedBehaviorSanitizer and runs the suite once more.
# Set STRATA_SKIP_SANITIZERS=1 to skip the second pass while iterating.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# Compile results are shared between clones of the repository.
export CCACHE_BASEDIR=$root

scripts/install-deps.sh
if [ -f tests/node/package.json ] && [ ! -d tests/node/node_modules ]; then
  (cd tests/node && npm ci --no-audit --no-fund --loglevel=error) || echo "warning: npm install failed; cross-checks with DuckDB will be skipped" >&2
fi

s3dir=$(mktemp -d /tmp/strata-s3.XXXXXX)
cleanup() { scripts/s3-server.sh stop "$s3dir" >/dev/null 2>&1 || true; rm -rf "$s3dir"; }
trap cleanup EXIT
scripts/s3-server.sh start "$s3dir" >/dev/null
# shellcheck disable=SC1091
source "$s3dir/env.sh"

status=0
run_suite() {
  local dir=$1
  echo "== tests in $dir"
  (cd "$dir" && ctest --output-on-failure -j 2 --timeout 900) || status=1
}

scripts/build.sh build
export STRATA_TEST_BINARY=$root/build/strata
run_suite build

if [ "${STRATA_SKIP_SANITIZERS:-0}" != "1" ]; then
  scripts/build.sh build-asan -DSTRATA_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
  STRATA_TEST_BINARY=$root/build-asan/strata ASAN_OPTIONS=detect_leaks=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 run_suite build-asan
fi
exit $status
