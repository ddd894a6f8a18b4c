package ccc.client.iam;

import ccc.CccException;
import ccc.client.ApiHttp;
import ccc.client.HttpSettings;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/** Confluent Cloud's IAM v2 API: service accounts, looked up by display name. */
public final class IamClient {

    private static final int MAX_PAGES = 1000;

    private final ApiHttp http;
    private final HttpUrl base;
    private List<ServiceAccount> accounts;

    public IamClient(String apiBaseUrl, String apiKey, String apiSecret, HttpSettings settings,
                     SecretRegistry secrets) {
        HttpUrl root = HttpUrl.parse(apiBaseUrl);
        if (root == null) {
            throw CccException.usage("Confluent Cloud API URL '" + apiBaseUrl + "' is not an http(s) URL.");
        }
        secrets.register(apiSecret);
        this.base = root;
        this.http = new ApiHttp(settings, secrets, Credentials.basic(apiKey, apiSecret), null);
    }

    /** Every service account of the organization, following {@code metadata.next} page by page. */
    public synchronized List<ServiceAccount> serviceAccounts() {
        if (accounts != null) {
            return accounts;
        }
        List<ServiceAccount> all = new ArrayList<>();
        HttpUrl next = base.newBuilder().addPathSegments("iam/v2/service-accounts")
                .addQueryParameter("page_size", "100").build();
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            JsonNode body = http.call("listing service accounts", ApiHttp.Retry.REPEATABLE, "GET", next, null);
            for (JsonNode account : body.path("data")) {
                all.add(new ServiceAccount(account.path("id").asText(), account.path("display_name").asText()));
            }
            String link = body.path("metadata").path("next").asText("");
            next = link.isEmpty() ? null : HttpUrl.parse(link);
        }
        accounts = List.copyOf(all);
        return accounts;
    }

    /**
     * The id of the one service account with this display name. None, or two of the same name,
     * is an error to report, never a guess.
     */
    public String idOf(String displayName) {
        List<ServiceAccount> matches = serviceAccounts().stream()
                .filter(account -> account.displayName().equals(displayName)).toList();
        if (matches.isEmpty()) {
            throw new CccException("no service account named '" + displayName + "' in the organization; check "
                    + "service_account in the vars file (it is the display name, or an sa- id), or create the account.");
        }
        if (matches.size() > 1) {
            throw new CccException("two or more service accounts are named '" + displayName + "' ("
                    + String.join(", ", matches.stream().map(ServiceAccount::id).toList())
                    + "); write the sa- id as service_account in the vars file, or rename one of them.");
        }
        return matches.get(0).id();
    }
}
