#!/usr/bin/env bash
# Makes the container contract run possible here and prints the variables it needs:
#
#   eval "$(bash scripts/provision-containers.sh)"
#   PRIMES_REQUIRE_CONTAINER=true npx jest test/adapters/dynamodb
#
# Where a Docker engine answers, it prints nothing: testcontainers finds it on its own and pulls
# amazon/dynamodb-local. Otherwise it starts podman with a Docker-compatible socket (through
# ../shared/containers/setup-podman.sh), builds the dynalite image (no registry is needed) and
# prints the export lines for DOCKER_HOST, TESTCONTAINERS_* and DYNAMODB_TEST_IMAGE.
# Only those lines go to stdout; progress goes to stderr. Set REBUILD_IMAGE=1 to rebuild.
set -euo pipefail
REPO=$(git rev-parse --show-toplevel)
SHARED="$REPO/../shared/containers"
IMAGE=localhost/primes-dynalite:test

if docker info >/dev/null 2>&1; then exit 0; fi

EXPORTS=$(bash "$SHARED/setup-podman.sh")
eval "$EXPORTS"
if [ "${REBUILD_IMAGE:-0}" = 1 ] || ! podman image exists "$IMAGE"; then
  bash "$REPO/scripts/build-dynalite-image.sh" "$IMAGE" >&2
fi
echo "$EXPORTS"
echo "export DYNAMODB_TEST_IMAGE=$IMAGE"
