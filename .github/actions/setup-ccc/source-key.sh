#!/usr/bin/env bash
# Prints, for actions/cache, the content keys of a ccc source tree: key= covers everything the jar is
# built from (a moved tag or branch with new sources gets a new key, an unchanged one keeps its
# cache), pom= covers its dependencies (the Maven repository cache).
set -euo pipefail
cd "$1"
digest() { LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-24; }
echo "key=$(find pom.xml mvnw .mvn src/main -type f -print0 | digest)"
echo "pom=$(find pom.xml .mvn -type f -print0 | digest)"
