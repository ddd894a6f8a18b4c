#!/usr/bin/env bash
# Builds ccc from a source tree into BIN: ccc.jar and a `ccc` launcher. Tests are not compiled here:
# ccc's own CI runs them on every change.
set -euo pipefail
src=$(cd "$1" && pwd)
bin=$2
mkdir -p "$bin"
(cd "$src" && ./mvnw -B -q -Dmaven.test.skip=true package)
cp "$src/target/ccc.jar" "$bin/ccc.jar"
# A short-lived command starts fastest on the client compiler and the serial collector;
# CCC_JAVA_OPTS replaces these options.
cat > "$bin/ccc" <<'LAUNCHER'
#!/usr/bin/env bash
# shellcheck disable=SC2086
exec java ${CCC_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar "$(dirname "$0")/ccc.jar" "$@"
LAUNCHER
chmod +x "$bin/ccc"
