package ccc.client.iam;

import ccc.CccException;
import ccc.client.ApiHttp;
import ccc.client.HttpSettings;
import ccc.client.Pager;
import ccc.secret.SecretRegistry;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/** Confluent Cloud's IAM v2 API: service accounts (looked up by display name), role bindings, and the CRN of an environment. */
public final class IamClient {

    /** 100 pages of 100: ten thousand service accounts, far more than an organization has. */
    static final int MAX_PAGES = 100;
    /** 500 pages of 100: fifty thousand role bindings in one environment. */
    static final int MAX_ROLE_BINDING_PAGES = 500;
    private static final String OPERATION = "listing service accounts";
    private static final String CHECK = "Check the API URL (confluent.api_url or CONFLUENT_CLOUD_API_URL) and any proxy "
            + "in front of it.";

    private final ApiHttp http;
    private final HttpUrl base;
    private final Pager pager;
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
        this.pager = new Pager(http, base, "the IAM API", CHECK);
    }

    /**
     * Every service account of the organization, paged (see {@link Pager}: only on the configured API's origin,
     * never in a loop, at most {@link #MAX_PAGES} pages), read once per client.
     */
    public synchronized List<ServiceAccount> serviceAccounts() {
        if (accounts == null) {
            HttpUrl first = base.newBuilder().addPathSegments("iam/v2/service-accounts")
                    .addQueryParameter("page_size", "100").build();
            accounts = pager.all(OPERATION, first, MAX_PAGES, "Check the API URL (confluent.api_url or "
                    + "CONFLUENT_CLOUD_API_URL) points at Confluent Cloud, or write the sa- id as service_account.")
                    .stream().map(account -> new ServiceAccount(account.path("id").asText(),
                            account.path("display_name").asText())).toList();
        }
        return accounts;
    }

    /**
     * Every role binding whose CRN matches {@code crnPattern} ({@code crn_pattern} is required by the API),
     * paged as {@link #serviceAccounts()}. A pattern ending in {@code /*} asks for the scope and everything
     * nested in it, as {@code confluent iam rbac role-binding list --inclusive} does.
     */
    public List<RoleBinding> roleBindings(String crnPattern) {
        HttpUrl first = base.newBuilder().addPathSegments("iam/v2/role-bindings")
                .addQueryParameter("crn_pattern", crnPattern).addQueryParameter("page_size", "100").build();
        return pager.all("listing role bindings", first, MAX_ROLE_BINDING_PAGES, CHECK).stream()
                .map(binding -> new RoleBinding(binding.path("id").asText(), binding.path("principal").asText(),
                        binding.path("role_name").asText(), binding.path("crn_pattern").asText()))
                .toList();
    }

    /**
     * The CRN of an environment, {@code crn://confluent.cloud/organization=<org>/environment=<env-id>}, as the
     * organization API names it ({@code GET /org/v2/environments/{id}}, {@code metadata.resource_name}): the
     * scope every role binding of the environment's resources starts with.
     */
    public String environmentCrn(String environmentId) {
        String operation = "reading environment " + environmentId;
        HttpUrl url = base.newBuilder().addPathSegments("org/v2/environments").addPathSegment(environmentId).build();
        String crn = http.call(operation, ApiHttp.Retry.REPEATABLE, "GET", url, null)
                .path("metadata").path("resource_name").asText("");
        if (!crn.startsWith("crn://") || !crn.contains("/environment=" + environmentId)) {
            throw new CccException(operation + ": the organization API gave no CRN for it (metadata.resource_name is '"
                    + crn + "'); role bindings cannot be looked up without it.");
        }
        return crn;
    }

    /**
     * The id of the one service account with this display name. None, or two of the same name,
     * is an error to report, never a guess.
     *
     * @throws ServiceAccountException when there is no account, or more than one, of that name
     */
    public String idOf(String displayName) {
        List<ServiceAccount> matches = serviceAccounts().stream()
                .filter(account -> account.displayName().equals(displayName)).toList();
        if (matches.isEmpty()) {
            throw new ServiceAccountException("no service account named '" + displayName + "' in the organization; check "
                    + "service_account in the vars file (it is the display name, or an sa- id), or create the account.");
        }
        if (matches.size() > 1) {
            throw new ServiceAccountException("two or more service accounts are named '" + displayName + "' ("
                    + String.join(", ", matches.stream().map(ServiceAccount::id).toList())
                    + "); write the sa- id as service_account in the vars file, or rename one of them.");
        }
        return matches.get(0).id();
    }
}
