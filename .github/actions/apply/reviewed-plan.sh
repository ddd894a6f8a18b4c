#!/usr/bin/env bash
# Prints the path of the plan that the pull request merged by this push saved for the environment
# (the artifact ccc-plan-ENV of the newest plan run on the pull request's head commit), downloaded
# under CCC_OUT; prints nothing when there is none (a direct push, an expired artifact).
set -euo pipefail
: "${CCC_ENV:?}" "${CCC_OUT:?}" "${GITHUB_REPOSITORY:?}" "${GITHUB_SHA:?}"
head=$(gh api "repos/$GITHUB_REPOSITORY/commits/$GITHUB_SHA/pulls" \
    --jq '[.[] | select(.merged_at != null)][0].head.sha // empty')
[[ -n $head ]] || exit 0
export CCC_HEAD=$head
run=$(gh api "repos/$GITHUB_REPOSITORY/actions/artifacts?name=ccc-plan-$CCC_ENV&per_page=100" \
    --jq '[.artifacts[] | select((.expired | not) and .workflow_run.head_sha == env.CCC_HEAD)]
          | sort_by(.created_at) | last | .workflow_run.id // empty')
[[ -n $run ]] || exit 0
gh run download "$run" --repo "$GITHUB_REPOSITORY" --name "ccc-plan-$CCC_ENV" --dir "$CCC_OUT/reviewed" >&2
if [[ -f $CCC_OUT/reviewed/$CCC_ENV.plan.json ]]; then
    echo "$CCC_OUT/reviewed/$CCC_ENV.plan.json"
fi
