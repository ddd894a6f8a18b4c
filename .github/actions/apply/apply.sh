#!/usr/bin/env bash
# Applies one environment: the plan reviewed on the merged pull request where it can, else a fresh
# plan under the same safety rules (a stale reviewed plan is refused with exit 3 by ccc itself, and
# nothing of it is applied). The outcome goes to the log and the job summary; the exit code is ccc's.
set -uo pipefail
: "${CCC_ENV:?}" "${CCC_ROOT:?}" "${CCC_OUT:?}" "${GITHUB_OUTPUT:?}"
mkdir -p "$CCC_OUT"
rm -rf "$CCC_OUT/apply.md" "$CCC_OUT/reviewed"
here=$(cd "$(dirname "$0")" && pwd)
plan=""
if [[ ${CCC_REVIEWED:-true} == true ]]; then
    plan=$("$here/reviewed-plan.sh") || plan=""
fi
reviewed=false
code=1
if [[ -n $plan ]]; then
    echo "Applying the plan reviewed on the pull request ($plan)."
    ccc apply "$plan" --root "$CCC_ROOT" --auto-approve --output markdown > "$CCC_OUT/apply.md"
    code=$?
    if [[ $code == 3 ]]; then
        echo "::notice title=ccc apply $CCC_ENV::the reviewed plan was refused (see above): applying a fresh plan under the same safety rules"
    else
        reviewed=true
    fi
else
    echo "No reviewed plan of $CCC_ENV for this commit: applying a fresh plan under the same safety rules."
fi
if [[ $reviewed == false ]]; then
    ccc apply --env "$CCC_ENV" --root "$CCC_ROOT" --auto-approve --output markdown > "$CCC_OUT/apply.md"
    code=$?
fi
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
echo "reviewed=$reviewed" >> "$GITHUB_OUTPUT"
if [[ -s $CCC_OUT/apply.md ]]; then
    cat "$CCC_OUT/apply.md" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
    cat "$CCC_OUT/apply.md"
fi
exit "$code"
