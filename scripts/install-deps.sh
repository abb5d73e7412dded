#!/usr/bin/env bash
# Installs the Debian bookworm packages ScaleScope builds and runs with. Idempotent: packages
# already present are left alone, and apt-get runs only when something is missing.
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqcustomplot-dev
  libtorch-dev libopencv-dev nlohmann-json3-dev dataset-fashion-mnist libgl-dev
  qt6-translations-l10n xvfb xauth fonts-nanum fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
