package ccc.client.vault;

import static ccc.client.vault.VaultClient.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
import static ccc.client.vault.VaultClient.ACTIONS_ID_TOKEN_REQUEST_URL;

import ccc.CccException;
import ccc.client.ApiHttp.Retry;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The GitHub Actions OIDC ID token of the running job: {@code GET $ACTIONS_ID_TOKEN_REQUEST_URL}
 * with {@code Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN}, answered with
 * {@code {"value": "<jwt>"}}. Repeatable: 429, 502-504 and transport failures are retried.
 */
final class GithubIdToken {

    private static final String ENDPOINT = "the GitHub Actions OIDC token endpoint (" + ACTIONS_ID_TOKEN_REQUEST_URL + ")";

    private GithubIdToken() {
    }

    static String fetch(VaultHttp http, VaultCredentials.Jwt credentials) {
        VaultHttp.Answer answer;
        try {
            answer = http.send("GET", credentials.requestUrl(),
                    Map.of("Authorization", "bearer " + credentials.requestToken()), null, Retry.REPEATABLE);
        } catch (VaultHttp.Unanswered e) {
            throw new CccException("cannot reach " + ENDPOINT + ": " + e.getMessage() + ".", e.getCause());
        }
        int status = answer.status();
        if (status != 200) {
            throw new CccException(ENDPOINT + " answered HTTP " + status + " to the ID token request."
                    + (status == 401 || status == 403
                    ? " Check that the job has 'permissions: id-token: write' and that "
                    + ACTIONS_ID_TOKEN_REQUEST_TOKEN + " belongs to this job."
                    : ""));
        }
        JsonNode value = answer.json() == null ? null : answer.json().get("value");
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new CccException(ENDPOINT + " answered without an ID token ({\"value\": \"<jwt>\"} expected).");
        }
        return value.asText();
    }
}
