#!/usr/bin/env bash
# Sourced by run.sh and test.sh: install steps a fresh machine needs.

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${_ALGOTRADE_APT_UPDATED:-}" ]; then
    apt-get update -qq
    _ALGOTRADE_APT_UPDATED=1
  fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    echo "==> Installing Chromium (Debian package)"
    apt_install chromium fonts-liberation
  fi
}

ensure_native_toolchain() {
  if ! command -v clang >/dev/null 2>&1 || [ ! -e /usr/include/zlib.h ]; then
    echo "==> Installing clang and zlib1g-dev (Debian packages; Native AOT links the shipped algotrade binary with them)"
    apt_install clang zlib1g-dev
  fi
}

ensure_nginx() {
  if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    echo "==> Installing nginx (Debian package; the failover test puts it in front of two app nodes)"
    apt_install nginx-light || apt_install nginx
  fi
}

ensure_npm() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "==> Installing Node.js and npm (Debian packages; the build restores browser libraries with npm ci)"
    apt_install nodejs npm
  fi
}

restore_tools() {
  dotnet tool restore >/dev/null
}
