#!/usr/bin/env bash
# Installs every Debian package strata needs to build and test (Debian 12).
#
#   scripts/install-deps.sh           install what is missing
#   scripts/install-deps.sh --check   list what is missing; exit 1 if anything is
#
# Idempotent and non-interactive. A machine that has everything does no apt work at
# all: one dpkg-query call, no `apt-get update`. Needs root (or sudo) only when
# something is missing.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # libraries strata links (see CMakeLists.txt)
  libthrift-dev thrift-compiler libcurl4-openssl-dev libssl-dev libsqlite3-dev
  libzstd-dev liblz4-dev libsnappy-dev libpugixml-dev nlohmann-json3-dev libfmt-dev
  libcli11-dev libreadline-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev libboost-dev
  # test helpers
  nodejs npm curl ca-certificates python3
  # the test S3 server (scripts/s3-server.sh): mon, OSD, radosgw, librados for Python,
  # uuidgen
  ceph-mon ceph-osd radosgw ceph-common python3-rados uuid-runtime
)

check_only=false
case ${1:-} in
  "") ;;
  --check) check_only=true ;;
  *)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac

# Packages dpkg knows as installed (any architecture). Names dpkg has never heard of
# are left out of its output, which is what we want; its complaint is not.
declare -A installed=()
while IFS=$'\t' read -r name status; do
  [[ $status == installed ]] && installed[$name]=1
done < <(dpkg-query -W -f='${Package}\t${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)

missing=()
for p in "${PACKAGES[@]}"; do
  [[ -n ${installed[$p]:-} ]] && continue
  case $p in
    # Node from another source (e.g. NodeSource's nodejs, which bundles npm) is fine:
    # Debian's npm package would fight it over /usr/bin/npm.
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  $check_only && echo "all ${#PACKAGES[@]} packages are installed"
  exit 0
fi
if $check_only; then
  echo "missing: ${missing[*]}"
  exit 1
fi

SUDO=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || {
    echo "missing: ${missing[*]}; run this script as root to install them" >&2
    exit 1
  }
  SUDO=(sudo)
fi
echo "installing: ${missing[*]}" >&2
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
# Recommends stay out: they add hundreds of MB (the ceph packages recommend a whole
# admin toolkit) and nothing here needs them.
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
  --no-install-recommends "${missing[@]}"
