#!/usr/bin/env bash
# The plan job's result, once the comment is posted: changes or none pass; a refusal by a safety rule
# (exit 3) or an error fails the check, so a refused plan cannot be merged unnoticed.
set -euo pipefail
: "${CCC_ENV:?}"
case ${CCC_EXIT_CODE:-1} in
    0) echo "No changes in $CCC_ENV." ;;
    2) echo "The plan of $CCC_ENV has changes: review the pull-request comment." ;;
    3) echo "::error title=ccc plan $CCC_ENV::refused by a safety rule: the comment names the rule and its override"
       exit 3 ;;
    *) echo "::error title=ccc plan $CCC_ENV::no plan could be made: the step above and the comment say why"
       exit 1 ;;
esac
