package ccc.client.vault;

import ccc.secret.SecretRegistry;

/**
 * A Confluent Cloud API key and secret, as read from Vault. {@link #toString()} masks both, so that
 * the record can be logged or end up in an exception message without leaking them.
 */
public record CloudApiCredentials(String apiKey, String apiSecret) {

    @Override
    public String toString() {
        return "CloudApiCredentials[apiKey=" + SecretRegistry.MASK + ", apiSecret=" + SecretRegistry.MASK + "]";
    }
}
