#!/usr/bin/env bash
# Posts the plan comment of one environment on the pull request, or updates the one an earlier push
# posted: one comment per environment, found by the marker ccc writes on its first line
# (ccc.output.PlanComment.marker) among the comments of bots.
set -euo pipefail
: "${CCC_ENV:?}" "${CCC_PR:?}" "${CCC_BODY:?}" "${GITHUB_REPOSITORY:?}"
export CCC_MARKER="<!-- ccc-plan:$CCC_ENV -->"
id=$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$CCC_PR/comments" \
    --jq '.[] | select(.user.type == "Bot" and (.body | startswith(env.CCC_MARKER))) | .id' | sed -n 1p)
if [[ -n $id ]]; then
    gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F "body=@$CCC_BODY" --silent
    echo "Updated the plan comment of $CCC_ENV on pull request #$CCC_PR."
else
    gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$CCC_PR/comments" -F "body=@$CCC_BODY" --silent
    echo "Posted the plan comment of $CCC_ENV on pull request #$CCC_PR."
fi
