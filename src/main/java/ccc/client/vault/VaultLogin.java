package ccc.client.vault;

import static ccc.client.vault.VaultClient.VAULT_ROLE_ID;
import static ccc.client.vault.VaultClient.VAULT_SECRET_ID;

import ccc.CccException;
import ccc.client.ApiHttp.Retry;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns {@link VaultCredentials} into a Vault client token: a token is used as it is; AppRole and
 * JWT log in at {@code POST /v1/auth/<mount>/login} and take {@code auth.client_token}.
 *
 * <p>An AppRole login is sent again only when Vault cannot have seen it (refused connection, 429):
 * a secret id may be single-use, and a second login after a lost answer would then be refused
 * for a reason that hides the first. A JWT login may be repeated like a read (the ID token stays
 * valid until it expires).
 */
final class VaultLogin {

    private final VaultHttp http;
    private final SecretRegistry scrubber;

    VaultLogin(VaultHttp http, SecretRegistry scrubber) {
        this.http = http;
        this.scrubber = scrubber;
    }

    /** The token to read with; every token and credential seen is registered with the scrubber. */
    String clientToken(VaultCredentials credentials) {
        String token;
        if (credentials instanceof VaultCredentials.Token t) {
            token = t.token();
        } else if (credentials instanceof VaultCredentials.AppRole a) {
            token = appRole(a);
        } else {
            token = jwt((VaultCredentials.Jwt) credentials);
        }
        scrubber.register(token);
        return token;
    }

    private String appRole(VaultCredentials.AppRole a) {
        ObjectNode body = http.object().put("role_id", a.roleId()).put("secret_id", a.secretId());
        return login("Vault AppRole login", a.mount(), "", body, Retry.UNPROCESSED_ONLY, "Check " + VAULT_ROLE_ID
                + " and " + VAULT_SECRET_ID + " (a secret id may have expired or be single-use), and vault.auth_mount"
                + " if the AppRole engine is not mounted at 'approle'.");
    }

    private String jwt(VaultCredentials.Jwt j) {
        String idToken = GithubIdToken.fetch(http, j);
        scrubber.register(idToken);
        ObjectNode body = http.object().put("role", j.role()).put("jwt", idToken);
        String audience = j.audience() == null
                ? " match GitHub's default audience (the repository owner's URL, https://github.com/<owner>;"
                + " set vault.audience to request another)"
                : " include '" + j.audience() + "' (vault.audience)";
        return login("Vault JWT login", j.mount(), " as role '" + j.role() + "'", body, Retry.REPEATABLE,
                "Check that role '" + j.role() + "' exists under auth/" + j.mount() + " (vault.auth_mount), that its"
                + " bound_audiences" + audience + ", and that its bound_claims or bound_subject match this workflow"
                + " (repository, ref, environment).");
    }

    private String login(String what, String mount, String as, JsonNode body, Retry retry, String hint) {
        VaultEndpoint endpoint = http.endpoint();
        String operation = what + " at " + endpoint.address() + "/v1/auth/" + mount + "/login" + as;
        VaultHttp.Answer answer = http.post("auth/" + mount + "/login", body, retry);
        int status = answer.status();
        String errors = http.serverErrors(answer.json());
        if (status >= 500) {
            throw new CccException(operation + " failed: HTTP " + status + " " + VaultHttp.onAttempts(answer.attempts())
                    + errors + "." + (status == 503 ? VaultHttp.UNAVAILABLE : ""));
        }
        if (status != 200) {
            throw new CccException(operation + " failed: HTTP " + status + errors + ". " + hint + endpoint.namespaceNote());
        }
        String mime = answer.contentType() == null ? "no content type" : answer.contentType();
        if (!mime.startsWith("application/json")) {
            throw new CccException(operation + " failed: the answer is " + http.scrub(mime) + ", not application/json: check"
                    + " that " + endpoint.addressSource() + " points at Vault itself.");
        }
        JsonNode token = answer.json() == null ? null : answer.json().path("auth").get("client_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new CccException(operation + " answered without auth.client_token.");
        }
        return token.asText();
    }
}
