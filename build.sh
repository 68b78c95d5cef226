#!/usr/bin/env bash
# OnePercent: set up a Debian 12 machine, build, and run.
#   bash build.sh sample   installs what is missing, builds the .oxt, computes the bundled
#                          functions sample in a headless office (the extension in a throwaway
#                          profile) and validates the two sample client workbooks
#   bash build.sh test     the same set-up and build, then every test (ctest)
# Run as root, or as a user who may sudo, on Debian 12 with apt reachable.
set -euo pipefail
cd "$(dirname "$0")"

job=${1:-}
case "$job" in
  sample | test) ;;
  *)
    echo "usage: bash build.sh sample|test" >&2
    exit 2
    ;;
esac

# Everything the build and the tests use, from Debian's packages (see README.md).
packages=(
  cmake ninja-build g++ libgtest-dev                           # build, GoogleTest
  libreoffice-dev libreoffice-dev-common                       # the SDK: headers, cppumaker
  libreoffice-calc python3-uno libreoffice-l10n-fr             # the office the tests drive
  locales xvfb                                                 # fr_CA locale, a desktop office (tests)
  liborcus-dev libzip-dev                                      # the direct reader's parsers
  clang libclang-rt-14-dev                                     # libFuzzer targets (fuzz/)
  zlib1g-dev strace util-linux                                 # batch: ZIP CRC check; hostile tests
  chromium                                                     # the portfolio summary page's test
  gnumeric                                                     # ssconvert --recalc: the portable template's second engine
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build

case "$job" in
  sample)
    /usr/bin/python3 samples/compute_sample.py --oxt build/onepercent.oxt --work build/sample
    echo
    echo "== onepercent-validate --reader direct samples/client-clean.ods samples/client-planted.ods"
    # Exit 1 means error findings: the planted sample has them on purpose (its expected
    # findings are listed in samples/client-planted.findings.tsv). Exit 2 is a failure.
    # The .ods copies hold the results the office computed: read without an office.
    status=0
    build/dialogs/batch/onepercent-validate --reader direct samples/client-clean.ods \
      samples/client-planted.ods || status=$?
    [ "$status" -le 1 ] || exit "$status"
    ;;
  test)
    exec ctest --test-dir build --output-on-failure -j2
    ;;
esac
