#!/usr/bin/env bash
# Builds a container image that serves DynamoDB's API on port 8000 with dynalite, for the
# container contract run on machines that reach no registry (so cannot pull
# amazon/dynamodb-local). The image holds this machine's node binary, which is also what
# dynalite's native dependency (classic-level) was installed for, plus dynalite and its
# node_modules; no registry is needed: dynalite comes from the npm cache or this checkout.
#
#   bash scripts/build-dynalite-image.sh [IMAGE]     (default localhost/primes-dynalite:test)
#
# Needs podman (../shared/containers/setup-podman.sh installs it). Prints the image name.
set -euo pipefail
IMAGE=${1:-localhost/primes-dynalite:test}
DYNALITE_VERSION=4.0.0
REPO=$(git rev-parse --show-toplevel)
IMPORT="$REPO/../shared/containers/import-node-image.sh"
APP=$(mktemp -d)
trap 'rm -rf "$APP"' EXIT

echo '{"name":"primes-dynalite-image","private":true}' >"$APP/package.json"
if ! npm install --prefix "$APP" --offline --no-audit --no-fund --no-package-lock \
  --omit=dev "dynalite@$DYNALITE_VERSION" >&2; then
  # No npm cache: copy dynalite and the packages it needs from this checkout's node_modules.
  echo "npm cache lacks dynalite $DYNALITE_VERSION; copying it from node_modules" >&2
  (cd "$REPO" && node -e '
    const path = require("node:path");
    const seen = new Set();
    const visit = (name, from) => {
      const manifest = require.resolve(`${name}/package.json`, { paths: [from] });
      const dir = path.dirname(manifest);
      if (seen.has(dir)) return;
      seen.add(dir);
      for (const dep of Object.keys(require(manifest).dependencies ?? {})) visit(dep, dir);
    };
    visit("dynalite", process.cwd());
    console.log([...seen].join("\n"));
  ') | while read -r dir; do
    rel=${dir#"$REPO/"}
    mkdir -p "$APP/$(dirname "$rel")"
    cp -a "$dir" "$APP/$rel"
  done
fi
[ -f "$APP/node_modules/dynalite/cli.js" ] || { echo "dynalite did not install" >&2; exit 1; }

# --host 0.0.0.0: inside the container the port is reached through its network interface.
bash "$IMPORT" "$IMAGE" "$APP" node /app/node_modules/dynalite/cli.js \
  --host 0.0.0.0 --port 8000 --createTableMs 0 --deleteTableMs 0 --updateTableMs 0
