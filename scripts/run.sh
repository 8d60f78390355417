#!/usr/bin/env bash
# The one command a new user runs: install what is needed, build, open the strata prompt
# on the default data directory ($STRATA_DATA_DIR, else ~/.strata). Arguments go to strata.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build >&2
exec build/strata "$@"
