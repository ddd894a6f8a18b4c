package ccc.client;

import ccc.CccException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Reads a collection that Confluent's APIs page with {@code {"data": [...], "metadata": {"next": "<url>"}}}
 * (IAM v2, Kafka REST v3), following {@code next} page by page, but never anywhere unsafe: only to the origin
 * (scheme, host, port) of the configured URL, since every request carries an API key; never to a link already
 * followed, nor past a page identical to the one before; and for a bounded number of pages. Each is an error, not
 * a shorter list: what is missing from a list would be reported as missing in the cluster.
 */
public final class Pager {

    private final ApiHttp http;
    private final HttpUrl origin;
    private final String api;
    private final String check;

    /**
     * @param origin the configured URL: next links must stay on its scheme, host and port
     * @param api    the API as errors name it, e.g. "the IAM API"
     * @param check  what to check when paging goes wrong, e.g. "Check the API URL (confluent.api_url or
     *               CONFLUENT_CLOUD_API_URL) and any proxy in front of it."
     */
    public Pager(ApiHttp http, HttpUrl origin, String api, String check) {
        this.http = http;
        this.origin = origin;
        this.api = api;
        this.check = check;
    }

    /**
     * Every element of every page's {@code data}, from {@code first} on.
     *
     * @param tooMany what to say, besides {@link #check}, when the pages do not end within {@code maxPages}
     */
    public List<JsonNode> all(String operation, HttpUrl first, int maxPages, String tooMany) {
        List<JsonNode> all = new ArrayList<>();
        Set<HttpUrl> followed = new HashSet<>();
        JsonNode previous = null;
        HttpUrl next = first;
        for (int page = 1; next != null; page++) {
            if (page > maxPages) {
                throw new CccException(operation + ": " + api + " still has more after " + maxPages + " pages; "
                        + "stopped there rather than page for ever. " + tooMany);
            }
            followed.add(next);
            JsonNode body = http.call(operation, ApiHttp.Retry.REPEATABLE, "GET", next, null);
            JsonNode data = body.path("data");
            if (data.equals(previous)) {
                throw new CccException(operation + ": " + api + " answered the same page twice (" + origin(next)
                        + next.encodedPath() + " and the page before), a paging loop; stopped. " + check);
            }
            previous = data;
            data.forEach(all::add);
            next = nextPage(operation, next, body.path("metadata").path("next").asText(""), followed);
        }
        return all;
    }

    /** The next page to ask for, or null after the last; a link that is not safe to follow is an error. */
    private HttpUrl nextPage(String operation, HttpUrl current, String link, Set<HttpUrl> followed) {
        if (link.isEmpty()) {
            return null;
        }
        HttpUrl next = current.resolve(link);
        if (next == null) {
            throw new CccException(operation + ": " + api + "'s next-page link is not a URL; stopped.");
        }
        if (!next.scheme().equals(origin.scheme()) || !next.host().equals(origin.host())
                || next.port() != origin.port()) {
            throw new CccException(operation + ": " + api + "'s next-page link points to " + origin(next)
                    + ", not to " + origin(origin) + " (the configured URL); nothing was sent there, since every "
                    + "request carries the API key. " + check);
        }
        if (followed.contains(next)) {
            throw new CccException(operation + ": " + api + "'s next-page link repeats a page already read ("
                    + origin(next) + next.encodedPath() + "), a paging loop; stopped. " + check);
        }
        return next;
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }
}
