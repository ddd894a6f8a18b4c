package ccc.client.iam;

import ccc.CccException;
import ccc.client.ApiHttp;
import ccc.client.HttpSettings;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/** Confluent Cloud's IAM v2 API: service accounts, looked up by display name. */
public final class IamClient {

    /** 100 pages of 100: ten thousand service accounts, far more than an organization has. */
    static final int MAX_PAGES = 100;
    private static final String OPERATION = "listing service accounts";

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

    /**
     * Every service account of the organization, following {@code metadata.next} page by page: only to the origin
     * (scheme, host, port) of the configured API URL, since every request carries the API key; never to a link
     * already followed or past a page identical to the one before; and for at most {@link #MAX_PAGES} pages. Each
     * is an error, not a shorter list: a missing account would be blamed on the vars file.
     */
    public synchronized List<ServiceAccount> serviceAccounts() {
        if (accounts != null) {
            return accounts;
        }
        List<ServiceAccount> all = new ArrayList<>();
        Set<HttpUrl> followed = new HashSet<>();
        JsonNode previous = null;
        HttpUrl next = base.newBuilder().addPathSegments("iam/v2/service-accounts")
                .addQueryParameter("page_size", "100").build();
        for (int page = 1; next != null; page++) {
            if (page > MAX_PAGES) {
                throw new CccException(OPERATION + ": the IAM API still has more after " + MAX_PAGES + " pages of 100; "
                        + "stopped there rather than page for ever. Check the API URL (confluent.api_url or "
                        + "CONFLUENT_CLOUD_API_URL) points at Confluent Cloud, or write the sa- id as service_account.");
            }
            followed.add(next);
            JsonNode body = http.call(OPERATION, ApiHttp.Retry.REPEATABLE, "GET", next, null);
            JsonNode data = body.path("data");
            if (data.equals(previous)) {
                throw new CccException(OPERATION + ": the IAM API answered the same page twice (" + origin(next) + next.encodedPath()
                        + " and the page before), a paging loop; stopped. Check the API URL or the proxy in front of it.");
            }
            previous = data;
            for (JsonNode account : data) {
                all.add(new ServiceAccount(account.path("id").asText(), account.path("display_name").asText()));
            }
            next = nextPage(next, body.path("metadata").path("next").asText(""), followed);
        }
        accounts = List.copyOf(all);
        return accounts;
    }

    /** The next page to ask for, or null after the last; a link that is not safe to follow is an error. */
    private HttpUrl nextPage(HttpUrl current, String link, Set<HttpUrl> followed) {
        if (link.isEmpty()) {
            return null;
        }
        HttpUrl next = current.resolve(link);
        if (next == null) {
            throw new CccException(OPERATION + ": the IAM API's next-page link is not a URL; stopped.");
        }
        if (!next.scheme().equals(base.scheme()) || !next.host().equals(base.host()) || next.port() != base.port()) {
            throw new CccException(OPERATION + ": the IAM API's next-page link points to " + origin(next)
                    + ", not to " + origin(base) + " (the configured API URL); nothing was sent there, since every "
                    + "request carries the API key. Check the API URL (confluent.api_url or CONFLUENT_CLOUD_API_URL) "
                    + "and any proxy in front of it.");
        }
        if (followed.contains(next)) {
            throw new CccException(OPERATION + ": the IAM API's next-page link repeats a page already read ("
                    + origin(next) + next.encodedPath() + "), a paging loop; stopped. Check the API URL or the proxy in front of it.");
        }
        return next;
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
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
