package ccc.bench;

import ccc.testing.FakeConfluentCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A config repository of N Azure Blob sinks for the benchmark, and the Vault secrets and service
 * accounts it names on the fake: three connectors in four have a Vault path of their own (the fourth
 * shares one, so 200 connectors read 151 paths), and every ten share a service account named by its
 * display name (so IAM is listed). {@code version} is the flush size: a repository of another version
 * updates every connector in place.
 */
final class BenchRepo {

    static final String API_SECRET = "bench-api-secret-Rt6Yp2";
    static final String VAULT_TOKEN = "bench-vault-token-Vc4Nn8";

    private BenchRepo() {
    }

    static Path write(Path root, int connectors, int version) throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve("ccc.yaml"), """
                managed:
                  name_prefix: bench-
                limits:
                  max_connectors_per_cluster: 1000
                environments:
                  dev:
                    environment_id: %s
                    kafka_cluster_id: %s
                    vault:
                      auth: token
                """.formatted(FakeConfluentCloud.ENV, FakeConfluentCloud.CLUSTER));
        int accounts = Math.max(1, connectors / 10);
        for (int i = 0; i < connectors; i++) {
            String directory = "ccloud-blob-sink-%03d".formatted(i);
            Path dir = Files.createDirectories(root.resolve(directory));
            Files.writeString(dir.resolve("dev-" + directory + ".json"), """
                    {
                      "name": "bench-blob-sink-%03d",
                      "config_nonsensitive": {
                        "connector.class": "AzureBlobSink",
                        "kafka.auth.mode": "SERVICE_ACCOUNT",
                        "topics": "${topic}",
                        "input.data.format": "JSON",
                        "output.data.format": "JSON",
                        "azblob.account.name": "benchaccount",
                        "azblob.container.name": "bench",
                        "time.interval": "HOURLY",
                        "flush.size": "${flush}",
                        "tasks.max": "1"
                      },
                      "config_sensitive": {
                        "azblob.account.key": "${vault:secret/%s#account_key}"
                      }
                    }
                    """.formatted(i, vaultPath(i)));
            Files.writeString(dir.resolve("dev-vars.yaml"), """
                    service_account: SA_BENCH_%02d
                    topic: bench-topic-%03d
                    flush: %d
                    """.formatted(i % accounts, i, 1000 * version));
        }
        return root;
    }

    private static String vaultPath(int i) {
        return i % 4 == 3 ? "bench/shared" : "bench/blob-%03d".formatted(i);
    }

    /** What the repositories name on the fake: secrets for up to {@code connectors}, and the service accounts. */
    static void seed(FakeConfluentCloud cloud, int connectors) {
        cloud.passwordKeys.add("azblob.account.key");
        cloud.keepUndefinedKeys = true;
        for (int i = 0; i < Math.max(1, connectors / 10); i++) {
            cloud.serviceAccounts.put("SA_BENCH_%02d".formatted(i), "sa-bench%02d".formatted(i));
        }
        for (int i = 0; i < connectors; i++) {
            String path = vaultPath(i);
            cloud.vaultSecrets.put(path, Map.of("account_key", "bench-account-key-" + path.replace('/', '-') + "-Qz"));
        }
    }
}
