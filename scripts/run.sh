#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and opens the explorer on the
# built-in default (EfficientNet-B0, synthetic shapes). Without a display it runs under
# xvfb-run only when asked (SCALESCOPE_XVFB=1); otherwise the program explains what to do.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && "${SCALESCOPE_XVFB:-0}" == 1 ]]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" build/bin/scalescope "$@"
fi
exec build/bin/scalescope "$@"
