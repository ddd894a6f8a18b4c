package ccc.client.vault;

import ccc.CccException;
import ccc.client.HttpSettings;
import ccc.config.VaultSettings;
import ccc.secret.SecretRegistry;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads KV secrets from HashiCorp Vault: where ({@link VaultEndpoint}), as whom
 * ({@link VaultCredentials}, {@link VaultLogin}) and what ({@link KvReader}), over {@link VaultHttp}.
 * A path names its KV mount as its first segment ({@code secret/peve/azure-blob} reads
 * {@code GET /v1/secret/data/peve/azure-blob} on KV v2).
 *
 * <p>Missing credentials are reported by the constructor, naming the variables to set; no network
 * call happens before the first {@link #read}, which logs in once however many threads read.
 *
 * <p><b>Reads</b> may run in parallel. Each path is read at most once per client: the secret, or the
 * failure, is kept, and a thread asking for a path already being read waits for that read. A failure
 * that concerns one path only (denied, absent, wrong KV version) is a {@link VaultPathException}; any
 * other failure (unreachable, no answer in time, login refused, sealed) is a plain
 * {@link CccException}, returned by every later read without asking Vault again.
 *
 * <p>No message built here contains a secret value, the token or a login credential.
 */
public final class VaultClient implements SecretSource {

    public static final String VAULT_ADDR = "VAULT_ADDR";
    public static final String VAULT_NAMESPACE = "VAULT_NAMESPACE";
    public static final String VAULT_TOKEN = "VAULT_TOKEN";
    public static final String VAULT_ROLE_ID = "VAULT_ROLE_ID";
    public static final String VAULT_SECRET_ID = "VAULT_SECRET_ID";
    public static final String ACTIONS_ID_TOKEN_REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
    public static final String ACTIONS_ID_TOKEN_REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

    private final VaultEndpoint endpoint;
    private final int kvVersion;
    private final VaultCredentials credentials;
    private final VaultLogin login;
    private final KvReader kv;
    /** Login credentials, the token and every value read: scrubbed from whatever Vault says back. */
    private final SecretRegistry scrubber = new SecretRegistry();
    private final Map<String, FutureTask<Map<String, String>>> reads = new ConcurrentHashMap<>();
    private final AtomicReference<CccException> fatal = new AtomicReference<>();
    private final Object loginLock = new Object();
    private volatile String token;

    /**
     * @param settings the environment's {@code vault} block of ccc.yaml
     * @param env      the process environment (the variables named in {@link VaultCredentials})
     * @param http     timeouts and retry bounds
     * @throws CccException when no address is known or the chosen auth method lacks its credentials
     */
    public VaultClient(VaultSettings settings, Map<String, String> env, HttpSettings http) {
        this(settings, env, http, VaultCredentials.defaultTokenFile());
    }

    /** As above, with the token file of {@code auth: token} given ({@code null}: none). */
    VaultClient(VaultSettings settings, Map<String, String> env, HttpSettings http, Path tokenFile) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(http, "http");
        this.endpoint = VaultEndpoint.of(settings, env);
        this.kvVersion = settings.kvVersion() == 1 ? 1 : 2;
        this.credentials = VaultCredentials.of(settings, env, tokenFile);
        credentials.secrets().forEach(scrubber::register);
        VaultHttp vault = new VaultHttp(endpoint, http, scrubber);
        this.login = new VaultLogin(vault, scrubber);
        this.kv = new KvReader(vault, kvVersion, credentials.describe(), scrubber);
    }

    /** The Vault address in use (VAULT_ADDR or vault.address), without a trailing slash. */
    public String address() {
        return endpoint.address();
    }

    /** The Vault Enterprise namespace sent with every request, or null. */
    public String namespace() {
        return endpoint.namespace();
    }

    public int kvVersion() {
        return kvVersion;
    }

    /** How this client authenticates, for messages: "token from VAULT_TOKEN", "jwt login as role 'x'"... */
    public String authDescription() {
        return credentials.describe();
    }

    @Override
    public Map<String, String> read(String path) {
        throwIfFatal();
        String normalized = KvReader.normalize(path);
        FutureTask<Map<String, String>> task =
                new FutureTask<>(() -> Collections.unmodifiableMap(kv.read(normalized, token())));
        FutureTask<Map<String, String>> first = reads.putIfAbsent(normalized, task);
        if (first == null) {
            first = task;
            task.run();
        }
        try {
            return first.get();
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CccException("interrupted while reading " + normalized + " from Vault.");
        }
    }

    /**
     * Replaces the KV secret at {@code path} with {@code values}: ccc writes only its own keyed
     * digests this way (sensitive.digest_store), never a secret.
     */
    public void write(String path, Map<String, String> values) {
        throwIfFatal();
        String normalized = KvReader.normalize(path);
        kv.write(normalized, values, token());
        reads.remove(normalized);
    }

    /** A path's own failure as it is; any other one becomes the failure of every later read. */
    private RuntimeException failure(Throwable cause) {
        if (cause instanceof VaultPathException path) {
            return path;
        }
        if (cause instanceof CccException vault) {
            fatal.compareAndSet(null, vault);
            return fatal.get();
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    private void throwIfFatal() {
        CccException failed = fatal.get();
        if (failed != null) {
            throw failed;
        }
    }

    /** Logs in on the first call; later and concurrent callers get the same token, or the same failure. */
    private String token() {
        String known = token;
        if (known != null) {
            return known;
        }
        synchronized (loginLock) {
            throwIfFatal();
            if (token == null) {
                try {
                    token = login.clientToken(credentials);
                } catch (CccException e) {
                    fatal.compareAndSet(null, e);
                    throw fatal.get();
                }
            }
            return token;
        }
    }
}
