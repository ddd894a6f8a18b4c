package ccc.client.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.CccException;
import ccc.secret.SecretRegistry;
import ccc.testing.MockServerTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Role bindings and the environment's CRN, as {@code ccc doctor} reads them once per environment. */
class RoleBindingsTest extends MockServerTest {

    private static final String ENV_CRN = "crn://confluent.cloud/organization=0a1b2c3d-1111-2222-3333-444455556666"
            + "/environment=env-abc123";

    private IamClient client() {
        return new IamClient(server.url("/").toString(), "KEY123", "iam-secret-0451", FAST, new SecretRegistry());
    }

    private static MockResponse json(String body) {
        return json(200, body);
    }

    private static String binding(String id, String role, String crn) {
        return """
                {"api_version": "iam/v2", "kind": "RoleBinding", "id": "%s", "principal": "User:sa-blob01",
                 "role_name": "%s", "crn_pattern": "%s"}""".formatted(id, role, crn);
    }

    @Test
    void readsEveryPageOfTheEnvironmentAndBelowWithTheRequiredCrnPattern() throws Exception {
        HttpUrl second = server.url("/iam/v2/role-bindings").newBuilder()
                .addQueryParameter("crn_pattern", ENV_CRN + "/*").addQueryParameter("page_token", "p2").build();
        server.enqueue(json("{\"kind\": \"RoleBindingList\", \"metadata\": {\"next\": \"" + second + "\"}, \"data\": ["
                + binding("rb-1", "DeveloperRead", ENV_CRN + "/cloud-cluster=lkc-xyz789/kafka=lkc-xyz789/topic=orders")
                + "]}"));
        server.enqueue(json("{\"metadata\": {\"next\": null}, \"data\": ["
                + binding("rb-2", "DeveloperRead", ENV_CRN + "/cloud-cluster=lkc-xyz789/kafka=lkc-xyz789/group=connect-lcc-*")
                + "]}"));

        List<RoleBinding> bindings = client().roleBindings(ENV_CRN + "/*");

        assertEquals(List.of("rb-1", "rb-2"), bindings.stream().map(RoleBinding::id).toList());
        assertEquals(new RoleBinding("rb-2", "User:sa-blob01", "DeveloperRead",
                ENV_CRN + "/cloud-cluster=lkc-xyz789/kafka=lkc-xyz789/group=connect-lcc-*"), bindings.get(1));
        RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals(ENV_CRN + "/*", first.getUrl().queryParameter("crn_pattern"), "crn_pattern is required");
        assertEquals("100", first.getUrl().queryParameter("page_size"));
        assertEquals("p2", server.takeRequest(1, TimeUnit.SECONDS).getUrl().queryParameter("page_token"));
    }

    @Test
    void aNextLinkToAnotherOriginIsNotFollowed() {
        server.enqueue(json("{\"metadata\": {\"next\": \"https://elsewhere.example/iam/v2/role-bindings?page_token=x\"},"
                + " \"data\": [" + binding("rb-1", "DeveloperRead", ENV_CRN) + "]}"));
        CccException error = assertThrows(CccException.class, () -> client().roleBindings(ENV_CRN + "/*"));
        assertEquals(1, server.getRequestCount());
        assertTrue(error.getMessage().contains("listing role bindings") && error.getMessage().contains("elsewhere.example"),
                error.getMessage());
    }

    @Test
    void theEnvironmentCrnComesFromTheOrganizationApi() throws Exception {
        server.enqueue(json("{\"api_version\": \"org/v2\", \"kind\": \"Environment\", \"id\": \"env-abc123\","
                + " \"metadata\": {\"resource_name\": \"" + ENV_CRN + "\"}, \"display_name\": \"dev\"}"));
        assertEquals(ENV_CRN, client().environmentCrn("env-abc123"));
        assertEquals("/org/v2/environments/env-abc123", server.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath());
    }

    @Test
    void anEnvironmentWithoutACrnIsAnError() {
        server.enqueue(json("{\"id\": \"env-abc123\", \"metadata\": {}}"));
        CccException error = assertThrows(CccException.class, () -> client().environmentCrn("env-abc123"));
        assertTrue(error.getMessage().contains("no CRN"), error.getMessage());
    }
}
