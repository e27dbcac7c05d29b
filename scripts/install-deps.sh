#!/usr/bin/env bash
# Installs the Debian 12 packages Sunshine Hall needs, only when something is missing.
# The list is the tested one from the toolchain notes, plus QR codes, charts, Kannel, PDF tools and clang.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config ccache
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-multimedia-dev qt6-charts-dev
    gstreamer1.0-plugins-base gstreamer1.0-plugins-good
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl1-mesa-dev
    libboost1.81-dev libssl-dev libsqlite3-dev sqlite3 openssl libqrencode-dev
    xvfb xauth fonts-noto-cjk imagemagick poppler-utils
    espeak-ng sox pulseaudio pulseaudio-utils
    kannel kannel-extras clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run as root (or with sudo) to install them" >&2
    exit 1
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
