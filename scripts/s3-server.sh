#!/usr/bin/env bash
# A throw-away S3 server for strata's tests: a one-host Ceph cluster (one mon, one
# memstore OSD, radosgw; no mgr, no cephx) whose every file lives under DIR.
#
#   scripts/s3-server.sh start DIR   wipe DIR, start the cluster, print `export` lines
#   scripts/s3-server.sh stop DIR    stop the daemons started in DIR (idempotent)
#   scripts/s3-server.sh env DIR     print the `export` lines of the running server
#
# Typical use:  eval "$(scripts/s3-server.sh start /tmp/strata-s3)"
# Progress goes to stderr; the `export` lines go to stdout and to DIR/env.sh.
#
# Environment knobs:
#   S3_PORT               radosgw port (default: a free one)
#   S3_SERVER_TIMEOUT     seconds to wait for each daemon (default 60)
#   S3_MEMSTORE_BYTES     OSD capacity; object data lives in RAM (default 8 GiB)
#
# docs/testing-s3.md explains the settings below.
set -euo pipefail

readonly BUCKET=strata-test
readonly USER1=strata
readonly USER2=strata2
readonly ROLE=strata-role
readonly REGION=us-east-1
# Marks DIR as made by this script, so `start` may wipe it.
readonly MARKER=.strata-s3-server
readonly TIMEOUT=${S3_SERVER_TIMEOUT:-60}
# librados' Python binding is packaged for the system interpreter only.
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3

say() { echo "s3-server: $*" >&2; }
die() {
  echo "s3-server: error: $*" >&2
  exit 1
}
usage() {
  echo "usage: $0 start|stop|env DIR" >&2
  exit 2
}

# Prints the end of a log, so that a failure explains itself.
show_log() {
  local f
  for f in "$@"; do
    [[ -s $f ]] || continue
    echo "----- last lines of $f -----" >&2
    tail -n 25 "$f" >&2
  done
}

now_ms() { date +%s%3N; }
elapsed() { echo "$(($(now_ms) - T0)) ms"; }

# pid_alive PIDFILE: prints the pid and succeeds when PIDFILE names a live process
# started with this DIR's ceph.conf (a recycled pid belongs to some other program).
pid_alive() {
  local pid
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF -- "$CONF" || return 1
  echo "$pid"
}

# proc_gone PID: true once PID has exited. A zombie counts as gone: where PID 1 does
# not reap orphans (some containers), a daemon's zombie lingers forever.
proc_gone() {
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 0
  [[ -z $state || $state == Z ]]
}

# SIGKILL, not SIGTERM: the cluster is disposable (memstore, wiped by the next
# start) and radosgw's graceful shutdown alone takes ~4 s.
stop_daemon() { # stop_daemon NAME
  local name=$1 pid i
  if pid=$(pid_alive "$RUN/$name.pid"); then
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 200; i++)); do
      proc_gone "$pid" && break
      sleep 0.05
    done
    proc_gone "$pid" || die "$name (pid $pid) is still running 10 s after SIGKILL"
  fi
  rm -f "$RUN/$name.pid" "$RUN/$name.asok"
}

cmd_stop() {
  [[ -d $RUN ]] || return 0
  local d
  for d in rgw osd.0 mon.a; do
    stop_daemon "$d"
  done
}

cmd_env() {
  [[ -s $DIR/env.sh ]] || die "no server was started in $DIR (no $DIR/env.sh)"
  pid_alive "$RUN/rgw.pid" >/dev/null || die "the radosgw of $DIR is not running"
  cat "$DIR/env.sh"
}

# Prints, space-separated: a free mon port, the radosgw port (S3_PORT if set, once
# checked to be free, else a free one), the STS key and two access/secret key pairs.
# One Python start-up for all of them: each costs 30-200 ms on a busy machine.
gen_params() {
  "$PY" - "${S3_PORT:-}" <<'EOF'
import secrets, socket, string, sys
try:
    import rados  # noqa: F401 -- needed later; fail before touching anything
except ImportError:
    sys.exit("python3-rados is missing; run scripts/install-deps.sh")

def port(wanted=0):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", wanted))
    except OSError as e:
        sys.exit("port %d on 127.0.0.1 is not free: %s" % (wanted, e.strerror))
    p = s.getsockname()[1]
    s.close()
    return p

def rand(n, alphabet):
    return "".join(secrets.choice(alphabet) for _ in range(n))

wanted = sys.argv[1]
if wanted and not (wanted.isdigit() and 0 < int(wanted) < 65536):
    sys.exit("S3_PORT must be a port number, got %r" % wanted)
rgw = port(int(wanted)) if wanted else port()
mon = port()
while mon == rgw:
    mon = port()
upper = string.ascii_uppercase + string.digits
alnum = string.ascii_letters + string.digits
# Access keys start with STRATA so that nobody takes them for real cloud keys.
print(mon, rgw, rand(16, string.ascii_lowercase + string.digits),
      "STRATA" + rand(14, upper), rand(40, alnum),
      "STRATA" + rand(14, upper), rand(40, alnum))
EOF
}

write_conf() { # write_conf FSID MON_PORT RGW_PORT STS_KEY
  local modes="" m
  # Without cephx the messengers cannot agree on "secure" mode: every mode must be
  # crc, or the daemons never finish connecting (radosgw never listens).
  for m in mon_client client mon_cluster mon_service cluster service; do
    modes+="ms ${m//_/ } mode = crc"$'\n'
  done
  cat >"$CONF" <<EOF
# Written by scripts/s3-server.sh: a disposable test cluster living under this directory.
[global]
fsid = $1
mon host = [v2:127.0.0.1:$2]
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
${modes}
run dir = $RUN
admin socket = \$run_dir/\$name.asok
pid file = \$run_dir/\$name.pid
log file = $LOG/\$name.log
mon cluster log file = $LOG/\$cluster.\$channel.log
log to stderr = false
err to stderr = true
crash dir = $DIR/crash
tmp dir = $DIR/tmp
keyring = $DIR/keyring
mon data = $DIR/mon
osd data = $DIR/osd
mgr data = $DIR/mgr
rgw data = $DIR/rgw

osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon max pg per osd = 1000
mon warn on pool no redundancy = false
mon warn on too few osds = false
mon data avail warn = 2
mon data avail crit = 1

[mon]
# Commit each map change at once instead of batching for 1 s: start ~2.5 s, not ~13 s.
paxos propose interval = 0.01
paxos min wait = 0.01
# Pool creation otherwise runs crushtool in a subprocess (~70 ms a pool).
mon osd crush smoke test = false

[osd]
osd objectstore = memstore
memstore device bytes = ${S3_MEMSTORE_BYTES:-8589934592}
osd mon report interval = 1

[client]
# Command-line clients (ceph, radosgw-admin) may run concurrently: no shared socket.
admin socket =
log file = $LOG/client.log

[client.admin]
# radosgw-admin and friends: fail within seconds, not hang, when the cluster is down
# (the default waits 300 s for the mon and forever for an OSD).
client mount timeout = 20
rados mon op timeout = 30
rados osd op timeout = 30

[client.rgw]
admin socket = \$run_dir/rgw.asok
pid file = \$run_dir/rgw.pid
log file = $LOG/rgw.log
# Without tcp_nodelay, small responses on a reused connection stall ~40 ms.
rgw frontends = beast endpoint=127.0.0.1:$3 tcp_nodelay=1
rgw s3 auth use sts = true
# Virtual-host style: <bucket>.localhost:<port> (libcurl resolves *.localhost to loopback).
rgw dns name = localhost
rgw sts key = $4
rgw run sync thread = false
# Reclaim overwritten and deleted data after a minute, not two hours: it is RAM.
rgw gc obj min wait = 60
rgw gc processor period = 60
EOF
}

# With the mon up: registers OSD 0, starts ceph-osd, creates radosgw's pools while the
# OSD boots, then waits until the OSD is up. One librados connection for all the mon
# commands: a `ceph` process per command costs ~0.3 s. Exit status 3 blames the OSD.
cluster_setup() { # cluster_setup OSD_UUID
  timeout "$((TIMEOUT + 10))" "$PY" - "$CONF" "$1" "$TIMEOUT" <<'EOF'
import json, subprocess, sys, threading, time
import rados

conf, osd_uuid, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
deadline = time.monotonic() + timeout
cluster = rados.Rados(conffile=conf, name="client.admin")
cluster.connect(timeout=int(timeout))

def mon(**cmd):
    ret, out, err = cluster.mon_command(json.dumps(cmd), b"", timeout=int(timeout))
    if ret != 0:
        sys.exit("mon command %r failed (%d): %s" % (cmd, ret, err))
    return out

mon(prefix="osd new", uuid=osd_uuid, id=0)

osd_start = {}
def start_osd():
    # ceph-osd forks; its parent returns once the daemon has initialised.
    osd_start["proc"] = subprocess.run(["ceph-osd", "-c", conf, "-i", "0"],
                                       stdin=subprocess.DEVNULL, capture_output=True,
                                       text=True)
starter = threading.Thread(target=start_osd)
starter.start()

# radosgw would create these itself, one at a time as it needs them.
for pool in [".rgw.root", "default.rgw.control", "default.rgw.meta",
             "default.rgw.log", "default.rgw.buckets.index",
             "default.rgw.buckets.data", "default.rgw.buckets.non-ec",
             "default.rgw.otp"]:
    mon(prefix="osd pool create", pool=pool, pg_num=8, pgp_num=8)
    mon(prefix="osd pool application enable", pool=pool, app="rgw")

starter.join()
proc = osd_start["proc"]
if proc.returncode != 0:
    sys.stderr.write(proc.stdout + proc.stderr)
    sys.stderr.write("ceph-osd exited with status %d\n" % proc.returncode)
    sys.exit(3)

while True:
    osds = json.loads(mon(prefix="osd dump", format="json"))["osds"]
    if any(o["osd"] == 0 and o["up"] == 1 and o["in"] == 1 for o in osds):
        break
    if time.monotonic() > deadline:
        sys.stderr.write("OSD 0 is not up after %.0f s\n" % timeout)
        sys.exit(3)
    time.sleep(0.02)
cluster.shutdown()
EOF
}

# s3 ACCESS SECRET CURL_ARGS...: a SigV4-signed S3 request; prints the HTTP status.
# curl 7.88 does not send the payload hash header itself and radosgw requires it.
s3() {
  local ak=$1 sk=$2
  shift 2
  curl -sS -o /dev/null -w '%{http_code}' --max-time 10 \
    --aws-sigv4 "aws:amz:$REGION:s3" --user "$ak:$sk" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}

# radosgw-admin ignores SIGTERM and waits forever for a dead mon: bound it with SIGKILL.
# As an array, not a function, so that `"${RGW_ADMIN[@]}" … &` makes $! the timeout
# process itself rather than a subshell.
RGW_ADMIN=()

# Pids of background jobs of `start`, stopped if it fails.
BG_PIDS=()

# wait_rgw ENDPOINT: until radosgw answers an anonymous ListBuckets, it dies, or TIMEOUT.
wait_rgw() {
  local deadline=$(($(date +%s) + TIMEOUT)) code pid=""
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1/") || true
    [[ $code == 200 ]] && return 0
    # radosgw forks at once, so its death shows as its pid (or pid file) vanishing;
    # a frontend that cannot bind exits quickly, before its pid is seen.
    if [[ -z $pid ]]; then
      pid=$(pid_alive "$RUN/rgw.pid") || pid=""
    elif proc_gone "$pid"; then
      show_log "$LOG/rgw.out" "$LOG/rgw.log"
      die "radosgw exited before answering on $1"
    fi
    if grep -q 'failed initializing frontend' "$LOG/rgw.log" 2>/dev/null; then
      show_log "$LOG/rgw.log"
      die "radosgw could not listen on $1"
    fi
    if (($(date +%s) >= deadline)); then
      show_log "$LOG/rgw.out" "$LOG/rgw.log"
      die "radosgw did not answer on $1 within ${TIMEOUT}s"
    fi
    sleep 0.05
  done
}

# Resident memory of the cluster's daemons, in MB.
rss_mb() {
  local total=0 d pid kb
  for d in mon.a osd.0 rgw; do
    pid=$(pid_alive "$RUN/$d.pid") || continue
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || kb=0
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

# finish JOBPID WHAT LOGFILE: waits for a background job and reports its failure.
finish() {
  local rc=0 p kept=()
  wait "$1" || rc=$?
  # Once reaped, the pid may be reused: never signal it again.
  for p in "${BG_PIDS[@]}"; do
    [[ $p == "$1" ]] || kept+=("$p")
  done
  BG_PIDS=("${kept[@]}")
  ((rc == 0)) && return 0
  show_log "$3"
  die "$2 failed (status $rc)"
}

cmd_start() {
  local tool
  T0=$(now_ms)
  for tool in ceph-mon ceph-osd radosgw radosgw-admin monmaptool uuidgen curl; do
    command -v "$tool" >/dev/null || die "$tool not found; run scripts/install-deps.sh"
  done
  [[ -z ${S3_PORT:-} || $S3_PORT =~ ^[1-9][0-9]{0,4}$ ]] ||
    die "S3_PORT must be a port number, got '$S3_PORT'"
  [[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] ||
    die "S3_SERVER_TIMEOUT must be a whole number of seconds, got '$TIMEOUT'"
  # Ceph would silently take its 1 GiB default for a value it cannot parse.
  [[ -z ${S3_MEMSTORE_BYTES:-} || $S3_MEMSTORE_BYTES =~ ^[1-9][0-9]*$ ]] ||
    die "S3_MEMSTORE_BYTES must be a number of bytes, got '$S3_MEMSTORE_BYTES'"
  # Wipe only a directory this script made (or an empty one): DIR may be mistyped.
  if [[ -n $(ls -A "$DIR") && ! -e $DIR/$MARKER ]]; then
    die "$DIR is not empty and was not made by this script; refusing to wipe it"
  fi
  cmd_stop
  # A half-started cluster is of no use: stop it, keep its logs.
  trap 'start_failed $?' EXIT
  find "$DIR" -mindepth 1 -delete
  touch "$DIR/$MARKER"
  mkdir -p "$RUN" "$LOG" "$DIR/mon" "$DIR/osd" "$DIR/rgw" "$DIR/crash" "$DIR/tmp"

  local params mon_port rgw_port sts_key ak1 sk1 ak2 sk2 fsid osd_uuid
  params=$(gen_params) || exit 1
  read -r mon_port rgw_port sts_key ak1 sk1 ak2 sk2 <<<"$params"
  fsid=$(uuidgen)
  osd_uuid=$(uuidgen)
  local endpoint=http://127.0.0.1:$rgw_port
  write_conf "$fsid" "$mon_port" "$rgw_port" "$sts_key"

  # The OSD's store needs no mon to be made: build it while the mon starts.
  ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$osd_uuid" --no-mon-config \
    >"$LOG/osd-mkfs.out" 2>&1 </dev/null &
  local mkfs_job=$!
  BG_PIDS+=("$mkfs_job")
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$DIR/monmap" \
    >"$LOG/monmaptool.out" 2>&1 || {
    show_log "$LOG/monmaptool.out"
    die "monmaptool failed"
  }
  ceph-mon -c "$CONF" -i a --mkfs --monmap "$DIR/monmap" >"$LOG/mon-mkfs.out" 2>&1 || {
    show_log "$LOG/mon-mkfs.out" "$LOG/mon.a.log"
    die "ceph-mon --mkfs failed"
  }
  # The daemons fork; each parent returns once its child is running.
  ceph-mon -c "$CONF" -i a >"$LOG/mon.a.out" 2>&1 </dev/null || {
    show_log "$LOG/mon.a.out" "$LOG/mon.a.log"
    die "ceph-mon did not start"
  }
  say "mon on 127.0.0.1:$mon_port ($(elapsed))"
  finish "$mkfs_job" "ceph-osd --mkfs" "$LOG/osd-mkfs.out"

  local rc=0
  cluster_setup "$osd_uuid" >"$LOG/cluster-setup.out" 2>&1 || rc=$?
  if ((rc == 3)); then
    show_log "$LOG/cluster-setup.out" "$LOG/osd.0.log"
    die "the OSD did not come up"
  elif ((rc != 0)); then
    show_log "$LOG/cluster-setup.out" "$LOG/mon.a.log"
    die "setting up the cluster through the mon failed"
  fi
  say "osd up, pools made ($(elapsed))"

  # The first radosgw-admin call also writes the default zone; radosgw would race it.
  # (A user's stdout holds its keys: keep it out of the logs.)
  "${RGW_ADMIN[@]}" user create --uid "$USER1" --display-name "$USER1" \
    --access-key "$ak1" --secret-key "$sk1" --caps "roles=*" \
    >/dev/null 2>"$LOG/admin-user1.out" || {
    show_log "$LOG/admin-user1.out"
    die "radosgw-admin user create $USER1 failed"
  }
  radosgw -c "$CONF" -n client.rgw >"$LOG/rgw.out" 2>&1 </dev/null || {
    show_log "$LOG/rgw.out" "$LOG/rgw.log"
    die "radosgw did not start"
  }
  # While radosgw starts: the second user (no caps, no buckets) and the role.
  "${RGW_ADMIN[@]}" user create --uid "$USER2" --display-name "$USER2" \
    --access-key "$ak2" --secret-key "$sk2" >/dev/null 2>"$LOG/admin-user2.out" &
  local user2_job=$!
  BG_PIDS+=("$user2_job")
  local trust policy
  trust='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":['
  trust+='"arn:aws:iam:::user/'$USER1'","arn:aws:iam:::user/'$USER2'"]},'
  trust+='"Action":["sts:AssumeRole"]}]}'
  policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],'
  policy+='"Resource":["arn:aws:s3:::*"]}]}'
  "${RGW_ADMIN[@]}" role create --role-name "$ROLE" --assume-role-policy-doc "$trust" \
    >"$LOG/admin-role.out" 2>&1 &
  local role_job=$!
  BG_PIDS+=("$role_job")
  wait_rgw "$endpoint"
  say "radosgw answers on $endpoint ($(elapsed))"
  finish "$user2_job" "radosgw-admin user create $USER2" "$LOG/admin-user2.out"
  finish "$role_job" "radosgw-admin role create" "$LOG/admin-role.out"
  "${RGW_ADMIN[@]}" role-policy put --role-name "$ROLE" --policy-name strata-s3-all \
    --policy-doc "$policy" >"$LOG/admin-role-policy.out" 2>&1 || {
    show_log "$LOG/admin-role-policy.out"
    die "radosgw-admin role-policy put failed"
  }
  local role_arn
  role_arn=$(sed -n 's/^ *"Arn": "\(arn:[^"]*\)".*/\1/p' "$LOG/admin-role.out")
  [[ -n $role_arn ]] || {
    show_log "$LOG/admin-role.out"
    die "no ARN in the output of radosgw-admin role create"
  }

  local code
  code=$(s3 "$ak1" "$sk1" -X PUT "$endpoint/$BUCKET") || code="no answer"
  [[ $code == 200 ]] || {
    show_log "$LOG/rgw.log"
    die "creating bucket $BUCKET failed: HTTP $code"
  }

  local name
  (
    umask 077
    for name in ENDPOINT:"$endpoint" REGION:"$REGION" BUCKET:"$BUCKET" \
      ACCESS_KEY:"$ak1" SECRET_KEY:"$sk1" USER2_ACCESS_KEY:"$ak2" \
      USER2_SECRET_KEY:"$sk2" ROLE_ARN:"$role_arn" \
      VHOST_ENDPOINT:"http://localhost:${endpoint##*:}"; do
      printf 'export STRATA_TEST_S3_%s=%q\n' "${name%%:*}" "${name#*:}"
    done
    printf 'export STRATA_TEST_CEPH_DIR=%q\n' "$DIR"
    printf 'export STRATA_TEST_CEPH_CONF=%q\n' "$CONF"
  ) >"$DIR/env.sh"
  trap - EXIT
  say "ready in $(elapsed); daemons' RSS $(rss_mb) MB; stop with: $0 stop $DIR"
  cat "$DIR/env.sh"
}

start_failed() {
  (($1 != 0)) || return 0
  local pid children
  for pid in "${BG_PIDS[@]}"; do
    # A job is `timeout` running radosgw-admin, or ceph-osd --mkfs: kill both.
    children=$(cat "/proc/$pid/task/$pid/children" 2>/dev/null) || children=""
    # shellcheck disable=SC2086 # a list of pids
    kill -KILL $children "$pid" 2>/dev/null || true
    # Reaping it here keeps bash from announcing "Killed" on stderr.
    wait "$pid" 2>/dev/null || true
  done
  cmd_stop || true
  say "start failed; stopped what had started; logs are in $LOG"
}

[[ $# -eq 2 && -n $2 ]] || usage
case $1 in
  start | stop | env) ;;
  *) usage ;;
esac
if [[ -d $2 ]]; then
  DIR=$(cd "$2" && pwd -P)
elif [[ $1 == start ]]; then
  mkdir -p "$2"
  DIR=$(cd "$2" && pwd -P)
else
  DIR=$2
fi
CONF=$DIR/ceph.conf
RGW_ADMIN=(timeout -s KILL "$TIMEOUT" radosgw-admin -c "$CONF" -n client.admin)
RUN=$DIR/run
LOG=$DIR/log
case $1 in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
esac
