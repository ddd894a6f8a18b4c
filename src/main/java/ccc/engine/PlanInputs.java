package ccc.engine;

import ccc.CccException;
import ccc.client.connect.RemoteConnector;
import ccc.client.iam.ServiceAccountException;
import ccc.config.DesiredConnector;
import ccc.config.VaultReference;
import ccc.secret.SecretRegistry;
import ccc.targets.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What a plan reads from outside the repository, read at the same time instead of in turn: the
 * cluster's connectors (one list request), the Vault secrets of the connectors it plans, the
 * environment's digest key, the sa- ids of their service accounts (one listing of IAM) and the
 * digests kept in Vault. Each is awaited; when any fails, every failure is reported together, in
 * that order, so that one never hides another. A service account that does not exist, or is
 * ambiguous, is not a failure: the plan refuses the connectors that name it.
 *
 * <p>Every failure's message is scrubbed again with the run's {@link SecretRegistry} once all reads are
 * done: one composed before a concurrent Vault read registered a secret may hold it.
 */
final class PlanInputs {

    private final Map<String, RemoteConnector> cluster;
    private final Map<VaultReference, String> secrets;
    private final UnaryOperator<String> digest;
    private final Map<String, String> accountIds;
    private final Map<String, String> missingAccounts;
    private final Optional<DigestBook> digestBook;
    /** Every failure, combined (null when every read succeeded). */
    private final RuntimeException failure;
    private final boolean listFailed;

    /** The outcome of one read: its value, or why there is none. */
    private record Read<T>(T value, RuntimeException failure) {

        T orNull() {
            return failure == null ? value : null;
        }
    }

    /** The service accounts' sa- ids, and why each that could not be found was not. */
    private record Accounts(Map<String, String> ids, Map<String, String> missing) {
    }

    private PlanInputs(Read<Map<String, RemoteConnector>> cluster, Read<Map<VaultReference, String>> secrets,
                       Read<UnaryOperator<String>> digest, Read<Accounts> accounts, Read<Optional<DigestBook>> book,
                       SecretRegistry registry) {
        this.cluster = cluster.orNull();
        this.secrets = secrets.orNull();
        this.digest = digest.orNull();
        Accounts found = accounts.orNull();
        this.accountIds = found == null ? Map.of() : found.ids();
        this.missingAccounts = found == null ? Map.of() : found.missing();
        this.digestBook = book.orNull();
        List<RuntimeException> failures = new ArrayList<>();
        for (Read<?> read : List.of(cluster, secrets, digest, accounts, book)) {
            if (read.failure() != null) {
                failures.add(read.failure());
            }
        }
        this.failure = failures.isEmpty() ? null : combined(failures, registry);
        this.listFailed = cluster.failure() != null;
    }

    /** The cluster's connectors by name. @throws RuntimeException every failure, when the list failed */
    Map<String, RemoteConnector> cluster() {
        if (listFailed) {
            throw failure;
        }
        return cluster;
    }

    /** @throws RuntimeException every failure, when any read failed */
    void requireAll() {
        if (failure != null) {
            throw failure;
        }
    }

    Map<VaultReference, String> secrets() {
        requireAll();
        return secrets;
    }

    UnaryOperator<String> digest() {
        requireAll();
        return digest;
    }

    /** Display name (or sa- id) to sa- id, for every service account the planned connectors name. */
    Map<String, String> accountIds() {
        requireAll();
        return accountIds;
    }

    /** Display name to why no single account has it: the plan refuses the connectors that name it. */
    Map<String, String> missingAccounts() {
        requireAll();
        return missingAccounts;
    }

    Optional<DigestBook> digestBook() {
        requireAll();
        return digestBook;
    }

    /**
     * Reads everything a plan of {@code chosen} needs, each read on a thread of its own (offline, all on
     * this thread).
     *
     * @param cluster the list of the cluster's connectors (or the map already read)
     * @param chosen the connectors planned: only their secrets and service accounts are read
     * @param offline no network at all: nothing is started on another thread
     */
    static PlanInputs read(Session access, Supplier<Map<String, RemoteConnector>> cluster,
                           List<DesiredConnector> chosen, boolean offline, SecretRegistry registry) {
        List<VaultReference> references = DesiredStateResolver.vaultReferences(chosen);
        Set<String> accounts = new LinkedHashSet<>();
        chosen.stream().filter(DesiredConnector::needsServiceAccountLookup)
                .forEach(connector -> accounts.add(connector.serviceAccount()));
        Supplier<Map<VaultReference, String>> secrets = () -> references.isEmpty() ? Map.of()
                : access.secrets(references);
        Supplier<Accounts> ids = () -> accountIds(access, accounts);
        Supplier<Optional<DigestBook>> book = () -> offline ? Optional.empty()
                : access.digestStore().map(DigestBook::read);
        if (offline) {
            return new PlanInputs(now(cluster), now(secrets), now(access::digest), now(ids), now(book), registry);
        }
        ExecutorService pool = Parallel.pool("ccc-plan-read", 5);
        try {
            CompletableFuture<Read<Map<String, RemoteConnector>>> listed = later(cluster, pool);
            CompletableFuture<Read<Map<VaultReference, String>>> resolved = later(secrets, pool);
            CompletableFuture<Read<UnaryOperator<String>>> keyed = later(access::digest, pool);
            CompletableFuture<Read<Accounts>> found = later(ids, pool);
            CompletableFuture<Read<Optional<DigestBook>>> kept = later(book, pool);
            return new PlanInputs(listed.join(), resolved.join(), keyed.join(), found.join(), kept.join(), registry);
        } catch (CompletionException e) {
            // now() catches every RuntimeException: anything else is an Error, thrown as it is
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Read<T> now(Supplier<T> read) {
        try {
            return new Read<>(read.get(), null);
        } catch (RuntimeException e) {
            return new Read<>(null, e);
        }
    }

    private static <T> CompletableFuture<Read<T>> later(Supplier<T> read, ExecutorService pool) {
        return CompletableFuture.supplyAsync(() -> now(read), pool);
    }

    /** One listing of IAM for them all (the client keeps it); an sa- id is taken as it is. */
    private static Accounts accountIds(Session access, Set<String> names) {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (String name : names) {
            try {
                ids.put(name, access.serviceAccountId(name));
            } catch (ServiceAccountException e) {
                missing.put(name, e.getMessage());
                ids.put(name, "<unknown: " + name + ">");
            }
        }
        return new Accounts(ids, missing);
    }

    /**
     * One failure as it is (scrubbed anew if a secret registered since shows in it); two or more as
     * one error listing each, with the kind (exit code) of the first.
     */
    private static RuntimeException combined(List<RuntimeException> failures, SecretRegistry registry) {
        for (RuntimeException failure : failures) {
            if (!(failure instanceof CccException)) {
                return failure; // a bug, not a read that failed: thrown as it is, with its stack trace
            }
        }
        if (failures.size() == 1) {
            RuntimeException only = failures.get(0);
            String message = String.valueOf(only.getMessage());
            if (registry.scrub(message).equals(message)) {
                return only;
            }
            return new CccException(((CccException) only).kind(), registry.scrub(message), only);
        }
        StringBuilder message = new StringBuilder(failures.size() + " problems reading what the plan needs:");
        for (RuntimeException failure : failures) {
            message.append("\n  - ").append(registry.scrub(String.valueOf(failure.getMessage())));
        }
        CccException first = (CccException) failures.get(0);
        CccException all = new CccException(first.kind(), message.toString(), first);
        failures.subList(1, failures.size()).forEach(all::addSuppressed);
        return all;
    }
}
