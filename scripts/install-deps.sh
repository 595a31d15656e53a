#!/usr/bin/env bash
# Installs what LabGuide needs to build, run and test, and nothing that is already there.
# Safe to run any number of times: `make run`, `make test` and `make bench` all call it first.
set -euo pipefail

apt_packages=(libsqlite3-dev libcurl4-openssl-dev curl chromium nginx-light wrk)
python_packages=("moto[server]" awscli boto3 pytest playwright huey schemathesis)

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python3 - "${python_packages[@]}" <<'PY' || python3 -m pip install -q --disable-pip-version-check "${python_packages[@]}"
import importlib.metadata, sys
names = [name.split("[")[0] for name in sys.argv[1:]]
missing = []
for name in names:
    try:
        importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        missing.append(name)
# moto's server extra pulls in flask; check it separately.
try:
    importlib.metadata.version("flask")
except importlib.metadata.PackageNotFoundError:
    missing.append("flask")
sys.exit(1 if missing else 0)
PY
