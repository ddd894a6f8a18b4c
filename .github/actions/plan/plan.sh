#!/usr/bin/env bash
# Plans one environment: the saved plan (for the apply on merge), the full markdown plan (log and
# artifact) and the pull-request comment, which ccc cuts to GitHub's limit and which is also the job
# summary. Succeeds whatever the plan says: its exit code is the step output `exit-code`, judged by
# verdict.sh once the comment is posted.
set -uo pipefail
: "${CCC_ENV:?}" "${CCC_ROOT:?}" "${CCC_OUT:?}" "${GITHUB_OUTPUT:?}"
mkdir -p "$CCC_OUT"
rm -f "$CCC_OUT/$CCC_ENV.plan.json" "$CCC_OUT/$CCC_ENV.plan.md" "$CCC_OUT/comment.md"
ccc plan --root "$CCC_ROOT" --env "$CCC_ENV" --detailed-exitcode \
    -o "$CCC_OUT/$CCC_ENV.plan.json" \
    --comment "$CCC_OUT/comment.md" --comment-max-length "${CCC_COMMENT_MAX_LENGTH:-65000}" \
    --output markdown > "$CCC_OUT/$CCC_ENV.plan.md"
code=$?
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
[[ -s $CCC_OUT/$CCC_ENV.plan.md ]] || rm -f "$CCC_OUT/$CCC_ENV.plan.md"
if [[ -f $CCC_OUT/comment.md ]]; then
    cat "$CCC_OUT/comment.md" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
fi
if [[ -f $CCC_OUT/$CCC_ENV.plan.md ]]; then
    cat "$CCC_OUT/$CCC_ENV.plan.md"
fi
exit 0
