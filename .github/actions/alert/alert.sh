#!/usr/bin/env bash
# One environment's scheduled check. ccc decides everything (healthy or not, the issue's title and
# body, whether there is news for the webhook); this script only carries it to GitHub: it finds the
# environment's open issue by the marker ccc writes (ccc.output.AlertReport.marker), then edits or
# opens it, or closes it once healthy, and posts the webhook payload when ccc wrote one.
set -euo pipefail
: "${CCC_ENV:?}" "${CCC_ROOT:?}" "${CCC_OUT:?}" "${CCC_LABEL:?}" "${GITHUB_REPOSITORY:?}" "${GITHUB_OUTPUT:?}"
mkdir -p "$CCC_OUT"
rm -f "$CCC_OUT/previous.md" "$CCC_OUT/title.txt" "$CCC_OUT/body.md" "$CCC_OUT/webhook.json"
export CCC_MARKER="<!-- ccc-alert:$CCC_ENV -->"
issue=$(gh issue list --repo "$GITHUB_REPOSITORY" --label "$CCC_LABEL" --state open --limit 200 \
    --json number,body --jq '.[] | select(.body | startswith(env.CCC_MARKER)) | .number' | sed -n 1p)
if [[ -n $issue ]]; then
    gh issue view "$issue" --repo "$GITHUB_REPOSITORY" --json body --jq .body > "$CCC_OUT/previous.md"
fi
set +e
ccc alert --root "$CCC_ROOT" --env "$CCC_ENV" --previous "$CCC_OUT/previous.md" \
    --issue-title "$CCC_OUT/title.txt" --issue-body "$CCC_OUT/body.md" --webhook-payload "$CCC_OUT/webhook.json"
code=$?
set -e
case $code in
    0)
        echo "healthy=true" >> "$GITHUB_OUTPUT"
        if [[ -n $issue ]]; then
            gh issue comment "$issue" --repo "$GITHUB_REPOSITORY" --body-file "$CCC_OUT/body.md"
            gh issue close "$issue" --repo "$GITHUB_REPOSITORY"
            issue=""
        fi ;;
    1)
        # ccc writes the title whenever it could tell what is wrong; without it ccc itself failed.
        [[ -f $CCC_OUT/title.txt ]] || exit 1
        echo "healthy=false" >> "$GITHUB_OUTPUT"
        title=$(cat "$CCC_OUT/title.txt")
        if [[ -n $issue ]]; then
            gh issue edit "$issue" --repo "$GITHUB_REPOSITORY" --title "$title" --body-file "$CCC_OUT/body.md"
        else
            gh label create "$CCC_LABEL" --repo "$GITHUB_REPOSITORY" --force --color B60205 \
                --description "Opened by the scheduled ccc check" > /dev/null
            url=$(gh issue create --repo "$GITHUB_REPOSITORY" --title "$title" --body-file "$CCC_OUT/body.md" \
                --label "$CCC_LABEL")
            issue=${url##*/}
        fi ;;
    *)
        exit "$code" ;;
esac
echo "issue=$issue" >> "$GITHUB_OUTPUT"
if [[ -f $CCC_OUT/webhook.json && -n ${CCC_WEBHOOK_URL:-} ]]; then
    curl --fail --silent --show-error --retry 3 --max-time 30 -X POST -H 'Content-Type: application/json' \
        --data-binary "@$CCC_OUT/webhook.json" "$CCC_WEBHOOK_URL" > /dev/null
    echo "Told the webhook."
fi
