#!/usr/bin/env bash
# A guided rotation, end to end, on a throw-away local S3 server (Ceph radosgw on
# 127.0.0.1): a table on key A; key A revoked on the server and the table stops working;
# a connection with key B and ALTER TABLE … CONNECTION bring every row back; then the
# table moves to an IAM role and every read and write goes through STS AssumeRole.
#
#   scripts/connections-walkthrough.sh
#
# Installs what is missing and builds first, like scripts/run.sh, unless STRATA_BINARY
# names a strata program to use (the test suite runs the walk-through that way, so it
# stays true). Everything it creates (server, data directory) lives in a temporary
# directory removed at the end. Secrets are printed as **** in the statements it shows.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export CCACHE_BASEDIR=$root

strata=${STRATA_BINARY:-}
if [[ -z $strata ]]; then
  scripts/install-deps.sh >&2
  scripts/build.sh build >&2
  strata=$root/build/strata
fi

work=$(mktemp -d /tmp/strata-walkthrough.XXXXXX)
cleanup() {
  scripts/s3-server.sh stop "$work/s3" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
say() { printf '%s\n' "$*"; }

step "Starting a local S3 server (Ceph radosgw on 127.0.0.1)"
mkdir -p "$work/s3"
scripts/s3-server.sh start "$work/s3" >/dev/null
# shellcheck disable=SC1091
source "$work/s3/env.sh"
say "endpoint $STRATA_TEST_S3_ENDPOINT, bucket $STRATA_TEST_S3_BUCKET"

admin() { radosgw-admin -c "$STRATA_TEST_CEPH_CONF" "$@" >/dev/null 2>&1; }
random_text() { tr -dc 'A-Z0-9' </dev/urandom | head -c "$1" || true; }

secrets=()
# Runs SQL with strata on the walk-through's data directory, showing the statements with
# every secret replaced by ****.
sql() {
  local shown=$1 s
  for s in "${secrets[@]}"; do shown=${shown//"$s"/****}; done
  printf '%s\n' "$shown" | sed 's/^/strata> /'
  "$strata" --data-dir "$work/data" --output table -c "$1"
}
# Like sql, for a statement that is expected to fail.
sql_fails() {
  if sql "$1"; then
    say "(unexpected: the statement succeeded)" >&2
    exit 1
  fi
}

# Stops the walk-through unless the table holds exactly $1 rows.
expect_rows() {
  local n
  n=$("$strata" --data-dir "$work/data" --output tsv -c "SELECT count(*) FROM orders")
  if [[ $n != "$1" ]]; then
    say "(unexpected: orders holds $n rows, not $1)" >&2
    exit 1
  fi
}

key_a_id="STRATA$(random_text 14)" key_a_secret=$(random_text 32)
key_b_id="STRATA$(random_text 14)" key_b_secret=$(random_text 32)
secrets+=("$key_a_secret" "$key_b_secret" "$STRATA_TEST_S3_USER2_SECRET_KEY")
location="s3://$STRATA_TEST_S3_BUCKET/walkthrough/"

step "1. Key A is created on the server; a connection and an external table use it"
admin key create --uid=strata --key-type=s3 --access-key="$key_a_id" --secret-key="$key_a_secret"
sql "CREATE CONNECTION key_a STORAGE_TYPE = 's3' ENDPOINT_URL = '$STRATA_TEST_S3_ENDPOINT'
  ACCESS_KEY_ID = '$key_a_id' SECRET_ACCESS_KEY = '$key_a_secret';
CREATE TABLE orders (id INT, item VARCHAR, qty INT) '$location'
  CONNECTION = (connection_name = 'key_a');
INSERT INTO orders VALUES (1, 'apple', 3), (2, 'pear', 5), (3, 'plum', 7);
SELECT * FROM orders ORDER BY id;"
expect_rows 3

step "2. Key B is added to the same user and key A is revoked on the server"
admin key create --uid=strata --key-type=s3 --access-key="$key_b_id" --secret-key="$key_b_secret"
admin key rm --uid=strata --key-type=s3 --access-key="$key_a_id"
say "The table now fails with an access error that names it:"
sql_fails "SELECT count(*) FROM orders;"

step "3. A connection with key B, ALTER TABLE … CONNECTION, and every row is back"
say "The ALTER succeeds although key A no longer works: it reads and rewrites no data."
sql "CREATE CONNECTION key_b STORAGE_TYPE = 's3' ENDPOINT_URL = '$STRATA_TEST_S3_ENDPOINT'
  ACCESS_KEY_ID = '$key_b_id' SECRET_ACCESS_KEY = '$key_b_secret';
ALTER TABLE orders CONNECTION = (connection_name = 'key_b');
INSERT INTO orders VALUES (4, 'fig', 9);
SELECT * FROM orders ORDER BY id;"
expect_rows 4

step "4. The table moves to an IAM role: reads and writes go through STS AssumeRole"
say "The role's caller is a second user with no rights on the bucket of its own; its keys"
say "come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, as on a machine with an instance"
say "profile, so the connection names only the role."
export AWS_ACCESS_KEY_ID=$STRATA_TEST_S3_USER2_ACCESS_KEY
export AWS_SECRET_ACCESS_KEY=$STRATA_TEST_S3_USER2_SECRET_KEY
sql "CREATE CONNECTION role_conn STORAGE_TYPE = 's3' ENDPOINT_URL = '$STRATA_TEST_S3_ENDPOINT'
  ROLE_ARN = '$STRATA_TEST_S3_ROLE_ARN';
ALTER TABLE orders CONNECTION = (connection_name = 'role_conn');
INSERT INTO orders VALUES (5, 'kiwi', 11);
SELECT * FROM orders ORDER BY id;"
expect_rows 5

step "5. Finding what to rotate: which table uses which connection, with secrets masked"
sql "SELECT name, connection_name, storage_params FROM system.tables WHERE is_external;
SHOW CONNECTIONS;"

step "Done: the server and the data directory are removed"
