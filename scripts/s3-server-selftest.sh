#!/usr/bin/env bash
# End-to-end checks of the test S3 server started by scripts/s3-server.sh:
#   scripts/s3-server-selftest.sh DIR
# Prints one line per check and `N passed, N failed`; exits non-zero on any failure.
# It leaves the server as it found it: the objects it writes under selftest/ and the
# key it adds to user strata are deleted again.
set -euo pipefail

[[ $# -eq 1 ]] || {
  echo "usage: $0 DIR" >&2
  exit 2
}
DIR=$1
ENV_SH=$DIR/env.sh
[[ -s $ENV_SH ]] || {
  echo "no $ENV_SH: start the server first (scripts/s3-server.sh start $DIR)" >&2
  exit 2
}
# shellcheck source=/dev/null
source "$ENV_SH"
EP=$STRATA_TEST_S3_ENDPOINT
BUCKET=$STRATA_TEST_S3_BUCKET
REGION=$STRATA_TEST_S3_REGION
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0
check() { # check NAME COMMAND...: runs COMMAND, records the outcome
  local name=$1
  shift
  if "$@" >"$TMP/check.out" 2>&1; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    sed 's/^/     /' "$TMP/check.out" | tail -n 20
  fi
}

# req SERVICE ACCESS SECRET [TOKEN] -- CURL_ARGS...: a SigV4-signed request. The body
# goes to $TMP/body; prints the HTTP status.
req() {
  local service=$1 ak=$2 sk=$3 token=""
  shift 3
  if [[ $1 != -- ]]; then
    token=$1
    shift
  fi
  shift
  local args=(-sS -o "$TMP/body" -w '%{http_code}' --max-time 10
    --aws-sigv4 "aws:amz:$REGION:$service" --user "$ak:$sk")
  # curl 7.88 does not send the payload hash itself and radosgw requires it.
  [[ $service == s3 ]] && args+=(-H "x-amz-content-sha256: UNSIGNED-PAYLOAD")
  [[ -n $token ]] && args+=(-H "x-amz-security-token: $token")
  curl "${args[@]}" "$@"
}

# expect CODE [BODY_SUBSTRING] -- REQ_ARGS...
expect() {
  local want=$1 substr=""
  shift
  if [[ $1 != -- ]]; then
    substr=$1
    shift
  fi
  shift
  local got
  got=$(req "$@") || {
    echo "curl failed"
    return 1
  }
  if [[ $got != "$want" ]]; then
    echo "HTTP $got, expected $want"
    head -c 600 "$TMP/body"
    echo
    return 1
  fi
  if [[ -n $substr ]] && ! grep -qF -- "$substr" "$TMP/body"; then
    echo "response lacks '$substr':"
    head -c 600 "$TMP/body"
    echo
    return 1
  fi
}

U1=(s3 "$STRATA_TEST_S3_ACCESS_KEY" "$STRATA_TEST_S3_SECRET_KEY")
U2=(s3 "$STRATA_TEST_S3_USER2_ACCESS_KEY" "$STRATA_TEST_S3_USER2_SECRET_KEY")
OBJ=$EP/$BUCKET/selftest/hello.txt
head -c 100000 /dev/urandom >"$TMP/payload"

put_get_roundtrip() {
  expect 200 -- "${U1[@]}" -- -X PUT --data-binary "@$TMP/payload" "$OBJ" &&
    expect 200 -- "${U1[@]}" -- "$OBJ" &&
    cmp "$TMP/payload" "$TMP/body"
}
check "user strata puts and gets an object" put_get_roundtrip

range_get() {
  expect 206 -- "${U1[@]}" -- -H "Range: bytes=10-19" "$OBJ" &&
    cmp <(tail -c +11 "$TMP/payload" | head -c 10) "$TMP/body"
}
check "range GET returns exactly the requested bytes" range_get

check "user strata lists the bucket" expect 200 "selftest/hello.txt" -- "${U1[@]}" -- \
  "$EP/$BUCKET?list-type=2&prefix=selftest%2F"

check "a wrong secret gets 403 AccessDenied" expect 403 AccessDenied -- \
  s3 "$STRATA_TEST_S3_ACCESS_KEY" "wrong${STRATA_TEST_S3_SECRET_KEY:5}" -- "$OBJ"

check "an unknown access key gets 403" expect 403 -- \
  s3 STRATANOSUCHKEY00000 "$STRATA_TEST_S3_SECRET_KEY" -- "$OBJ"

# strata2's keys are valid (so the denials below are about rights, not keys; with STS
# on, bad keys also get AccessDenied) and strata2 owns no bucket.
user2_valid() {
  expect 200 ListAllMyBucketsResult -- "${U2[@]}" -- "$EP/" || return 1
  if grep -qF "<Name>$BUCKET</Name>" "$TMP/body"; then
    echo "strata2 lists $BUCKET among its buckets"
    return 1
  fi
}
check "user strata2's keys work and it owns no bucket" user2_valid
check "user strata2 cannot read the bucket" expect 403 AccessDenied -- "${U2[@]}" -- "$OBJ"
check "user strata2 cannot list the bucket" expect 403 AccessDenied -- "${U2[@]}" -- \
  "$EP/$BUCKET?list-type=2"

# AssumeRole as strata2, the user with no rights of its own on the bucket.
assume_role() {
  expect 200 AssumeRoleResult -- sts "$STRATA_TEST_S3_USER2_ACCESS_KEY" \
    "$STRATA_TEST_S3_USER2_SECRET_KEY" -- -X POST \
    -H "Content-Type: application/x-www-form-urlencoded" \
    --data "Action=AssumeRole&Version=2011-06-15&RoleSessionName=selftest&DurationSeconds=900&RoleArn=$STRATA_TEST_S3_ROLE_ARN" \
    "$EP/" || return 1
  "$PY" - "$TMP/body" >"$TMP/creds" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
def find(tag):
    for e in root.iter():
        if e.tag.split("}")[-1] == tag:
            return e.text
    sys.exit("no %s in the AssumeRole response" % tag)
for tag in ("AccessKeyId", "SecretAccessKey", "SessionToken"):
    print(find(tag))
EOF
  [[ $(wc -l <"$TMP/creds") == 3 ]]
}
check "strata2 assumes strata-role through STS" assume_role

# role_creds N: line N of the AssumeRole credentials; empty if AssumeRole failed.
role_creds() {
  [[ -s $TMP/creds ]] || return 0
  sed -n "${1}p" "$TMP/creds"
}
ROLE=(s3 "$(role_creds 1)" "$(role_creds 2)" "$(role_creds 3)")
role_reads() {
  expect 200 -- "${ROLE[@]}" -- "$OBJ" && cmp "$TMP/payload" "$TMP/body"
}
check "the role's temporary credentials read the bucket" role_reads
check "the role's temporary credentials write to the bucket" expect 200 -- "${ROLE[@]}" -- \
  -X PUT --data-binary "via role" "$EP/$BUCKET/selftest/by-role.txt"
check "temporary credentials without their session token get 403" expect 403 -- \
  s3 "$(role_creds 1)" "$(role_creds 2)" -- "$OBJ"

check "AssumeRole below the 900 s minimum is refused" expect 400 -- \
  sts "$STRATA_TEST_S3_USER2_ACCESS_KEY" "$STRATA_TEST_S3_USER2_SECRET_KEY" -- -X POST \
  -H "Content-Type: application/x-www-form-urlencoded" \
  --data "Action=AssumeRole&Version=2011-06-15&RoleSessionName=selftest&DurationSeconds=899&RoleArn=$STRATA_TEST_S3_ROLE_ARN" \
  "$EP/"

# Key rotation with radosgw-admin, on a fresh extra key so the main one stays valid.
key_rotation() {
  local ak sk admin=(timeout -s KILL 60 radosgw-admin -c "$STRATA_TEST_CEPH_CONF" -n client.admin)
  ak=STRATAROT$("$PY" -c 'import secrets; print(secrets.token_hex(6)[:11].upper())')
  sk=$("$PY" -c 'import secrets; print(secrets.token_hex(20))')
  "${admin[@]}" key create --uid strata --key-type s3 --access-key "$ak" --secret "$sk" \
    >/dev/null || return 1
  expect 200 -- s3 "$ak" "$sk" -- "$OBJ" || return 1
  "${admin[@]}" key rm --uid strata --key-type s3 --access-key "$ak" >/dev/null || return 1
  expect 403 -- s3 "$ak" "$sk" -- "$OBJ" || return 1
  # The main key is untouched by the rotation.
  expect 200 -- "${U1[@]}" -- "$OBJ"
}
check "a key added with radosgw-admin works and fails right after key rm" key_rotation

# tcp_nodelay: without it every small response on a reused connection takes ~40 ms.
small_gets_are_fast() {
  local urls=() i fastest
  # curl's -o applies to one URL only: repeat it.
  for ((i = 0; i < 6; i++)); do urls+=(-o /dev/null "$OBJ"); done
  # -w prints the status and time per transfer; all six share one connection,
  # the first one's time includes connecting.
  curl -sS -w '%{http_code} %{time_total}\n' --aws-sigv4 "aws:amz:$REGION:s3" \
    --user "$STRATA_TEST_S3_ACCESS_KEY:$STRATA_TEST_S3_SECRET_KEY" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -H "Range: bytes=0-4095" "${urls[@]}" \
    >"$TMP/times" || return 1
  [[ $(grep -c '^206 ' "$TMP/times") == 6 ]] || {
    cat "$TMP/times"
    return 1
  }
  fastest=$(tail -n +2 "$TMP/times" | awk '{print $2}' | sort -n | head -n 1)
  echo "fastest 4 KiB range GET on a reused connection: ${fastest}s (stalls take ~0.04 s)"
  awk -v t="$fastest" 'BEGIN { exit !(t < 0.03) }'
}
check "small GETs on a reused connection do not stall (tcp_nodelay)" small_gets_are_fast

cleanup() {
  expect 204 -- "${U1[@]}" -- -X DELETE "$OBJ" &&
    expect 204 -- "${U1[@]}" -- -X DELETE "$EP/$BUCKET/selftest/by-role.txt"
}
check "user strata deletes the test objects" cleanup

echo "$passed passed, $failed failed"
((failed == 0))
