#!/usr/bin/env bash
# Builds FerretDB v1.24.2 (a MongoDB wire-protocol server on SQLite) from the Go module proxy.
#
# Why not just `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`? That binary panics at
# start-up ("Invalid build/version/version.txt file content"): the module zip lacks the generated
# version file. So we fetch the same module, write that file, and build the same command from it.
# Usage: install-ferretdb.sh [TARGET_BINARY]
set -euo pipefail
VERSION=v1.24.2
TARGET=${1:-${FERRETDB_BIN:-${XDG_CACHE_HOME:-$HOME/.cache}/citynet-wccd/ferretdb-$VERSION}}

if [ -x "$TARGET" ] && "$TARGET" --version 2>/dev/null | grep -q "version: $VERSION"; then
  echo "FerretDB $VERSION already built: $TARGET"
  exit 0
fi
command -v go >/dev/null || { echo "Go is needed to build FerretDB (https://go.dev/dl/), or set MONGODB_URI." >&2; exit 1; }

echo "Fetching FerretDB $VERSION sources from the Go module proxy ..."
SRC_CACHE=$(GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$SRC_CACHE" ] || { echo "go mod download did not return a source directory" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
cp -r "$SRC_CACHE/." "$WORK/"
chmod -R u+w "$WORK"
echo "$VERSION" > "$WORK/build/version/version.txt"

echo "Building FerretDB $VERSION (cached by the Go build cache after the first time) ..."
mkdir -p "$(dirname "$TARGET")"
(cd "$WORK" && go build -o "$TARGET.tmp" ./cmd/ferretdb)
mv "$TARGET.tmp" "$TARGET"
"$TARGET" --version | head -1
echo "FerretDB ready: $TARGET"
