#!/usr/bin/env bash
# Installs the Debian 12 packages reorg needs to build, test and demonstrate itself.
# Idempotent and non-interactive: it does nothing when every package is present, and it only
# ever talks to Debian's package registry (through apt-get), as root or through sudo.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config ccache clang-format
    # the fuzz targets: clang and its libFuzzer and sanitizer runtimes
    clang libclang-rt-14-dev
    # libraries
    libboost-graph-dev libgraphviz-dev graphviz capnproto libcapnp-dev libssl-dev
    libcli11-dev libyaml-cpp-dev nlohmann-json3-dev libfmt-dev catch2 libpugixml-dev
    libxlsxwriter-dev
    # a font with Swedish letters for PNG and PDF diagrams
    fonts-dejavu-core
    # peers used by tests and benchmarks
    python3 python3-networkx python3-yaml
    # the report's browser test and --pdf: headless Chromium, and pdfinfo/pdftoppm
    chromium poppler-utils
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
