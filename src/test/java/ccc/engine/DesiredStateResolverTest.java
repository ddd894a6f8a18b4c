package ccc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.CccException;
import ccc.config.DeclaredState;
import ccc.config.DesiredConnector;
import ccc.config.Template;
import ccc.config.VaultReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DesiredStateResolverTest {

    private static final VaultReference PASSWORD = new VaultReference("secret/peve/db", "password");
    private static final VaultReference KEYFILE = new VaultReference("secret/peve/gcp", "keyfile");
    private static final UnaryOperator<String> DIGEST = text -> Integer.toHexString(text.hashCode());

    private static DesiredConnector connector(String name, String key, String template) throws Exception {
        return new DesiredConnector(name, name, "dev", Map.of("connector.class", "PostgresSource"),
                Map.of(key, Template.parse(template)), DeclaredState.RUNNING, null, Path.of("a.json"),
                Path.of("a.yaml"));
    }

    private static DesiredStateResolver resolver(Map<VaultReference, String> secrets) {
        return new DesiredStateResolver(secrets, name -> name, DIGEST, true);
    }

    @Test
    void aVaultSecretTooTrivialToProtectIsAnErrorNamingTheReference() throws Exception {
        DesiredConnector db = connector("peve-db-01", "connection.password", "prefix-${vault:secret/peve/db#password}");
        for (String trivial : List.of("true", "123456", "abc")) {
            CccException e = assertThrows(CccException.class,
                    () -> resolver(Map.of(PASSWORD, trivial)).resolve(List.of(db)));
            assertTrue(e.getMessage().startsWith("${vault:secret/peve/db#password} (connection.password of "
                    + "peve-db-01) resolved to a value too short or too common to protect"), e.getMessage());
            assertTrue(e.getMessage().contains("fix the secret in Vault"), e.getMessage());
            assertFalse(e.getMessage().contains("prefix-" + trivial), e.getMessage());
        }
    }

    @Test
    void aVaultValueThatIsAJsonObjectOrListIsAnError() throws Exception {
        DesiredConnector gcs = connector("peve-gcs-01", "gcs.credentials.config", "${vault:secret/peve/gcp#keyfile}");
        for (String structured : List.of("{\"type\":\"service_account\",\"private_key\":\"k\"}", "[\"a\",\"b\"]")) {
            CccException e = assertThrows(CccException.class,
                    () -> resolver(Map.of(KEYFILE, structured)).resolve(gcs));
            assertTrue(e.getMessage().startsWith("${vault:secret/peve/gcp#keyfile} (gcs.credentials.config of "
                    + "peve-gcs-01) holds a JSON " + (structured.startsWith("{") ? "object" : "list")), e.getMessage());
            assertFalse(e.getMessage().contains("service_account"), e.getMessage());
        }
    }

    @Test
    void jsonTextStoredAsAStringIsSentAsItIs() throws Exception {
        DesiredConnector gcs = connector("peve-gcs-01", "gcs.credentials.config", "${vault:secret/peve/gcp#keyfile}");
        String keyfile = "{\n  \"type\": \"service_account\",\n  \"private_key\": \"k\"\n}\n";
        ResolvedConnector resolved = resolver(Map.of(KEYFILE, keyfile)).resolve(gcs);
        assertEquals(keyfile, resolved.config().get("gcs.credentials.config"));
    }

    @Test
    void everyUnusableSecretIsReportedAtOnce() throws Exception {
        DesiredConnector db = connector("peve-db-01", "connection.password", "${vault:secret/peve/db#password}");
        DesiredConnector db2 = connector("peve-db-02", "connection.password", "${vault:secret/peve/db#password}");
        DesiredConnector gcs = connector("peve-gcs-01", "gcs.credentials.config", "${vault:secret/peve/gcp#keyfile}");
        CccException e = assertThrows(CccException.class, () -> resolver(Map.of(PASSWORD, "false", KEYFILE, "{}"))
                .resolve(List.of(db, db2, gcs)));
        assertTrue(e.getMessage().startsWith("2 Vault secrets cannot be used:\n  - ${vault:secret/peve/db#password}"
                + " (connection.password of peve-db-01, connection.password of peve-db-02)"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  - ${vault:secret/peve/gcp#keyfile}"), e.getMessage());
    }
}
