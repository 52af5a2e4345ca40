#!/usr/bin/env bash
# Installs a pinned Salesforce CLI into .sf-cli/ at the repo root. It is ~420 MB, too heavy to be a
# project dependency; test/local-org/sfCli.test.ts runs it against the local org.
set -euo pipefail

SF_CLI_VERSION="2.150.6"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
prefix="$repo_root/.sf-cli"
installed_manifest="$prefix/node_modules/@salesforce/cli/package.json"

# The CLI needs Node >= 22: use the project's Node (and its npm) before the system's.
export PATH="$repo_root/node_modules/.bin:$PATH"

if [[ -f "$installed_manifest" ]]; then
  installed_version="$(node -p "require(process.argv[1]).version" "$installed_manifest")"
  if [[ "$installed_version" == "$SF_CLI_VERSION" ]]; then
    echo "Salesforce CLI $SF_CLI_VERSION already installed in .sf-cli/"
    exit 0
  fi
  echo "Replacing Salesforce CLI $installed_version with $SF_CLI_VERSION in .sf-cli/"
fi

mkdir -p "$prefix"
npm install --prefix "$prefix" --no-audit --no-fund --save-exact "@salesforce/cli@$SF_CLI_VERSION"
echo "Salesforce CLI $SF_CLI_VERSION installed in .sf-cli/ ($("$prefix/node_modules/.bin/sf" --version))"
