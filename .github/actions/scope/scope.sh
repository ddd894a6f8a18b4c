#!/usr/bin/env bash
# Writes the step output `affected`: the environments to work on, as `ccc affected` decides them
# from the paths changed between CCC_BASE and CCC_HEAD (or every one, with CCC_ALL=true or no base).
set -euo pipefail
: "${CCC_ENVIRONMENTS:?}" "${CCC_ROOT:?}" "${GITHUB_OUTPUT:?}"
args=(--root "$CCC_ROOT" --env "$CCC_ENVIRONMENTS" --output json)
base=${CCC_BASE:-}
work=$(mktemp -d)
if [[ ${CCC_ALL:-false} == true || -z $base || $base =~ ^0+$ ]]; then
  args+=(--all)
elif git -c core.quotepath=off diff --name-only "$base" "${CCC_HEAD:-HEAD}" > "$work/changed"; then
  args+=(--files-from "$work/changed")
else
  echo "::warning title=ccc scope::cannot compare $base with ${CCC_HEAD:-HEAD}; working on every environment"
  args+=(--all)
fi
ccc affected "${args[@]}" > "$work/affected.json"
{
  echo "affected<<CCC_AFFECTED_EOF"
  cat "$work/affected.json"
  echo "CCC_AFFECTED_EOF"
} >> "$GITHUB_OUTPUT"
cat "$work/affected.json"
