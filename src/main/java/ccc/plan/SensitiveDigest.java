package ccc.plan;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed digests of sensitive values, so that a plan can tell a rotated secret without the cloud
 * ever returning it and without printing or storing anything an attacker could brute-force. The
 * config key {@link #CONFIG_KEY} holds one digest per sensitive key, sorted by key:
 * {@code v1:key1=digest1,key2=digest2}.
 */
public final class SensitiveDigest {

    public static final String CONFIG_KEY = "ccc.sensitive.digest";
    private static final String VERSION = "v1:";

    private SensitiveDigest() {
    }

    /** HMAC-SHA256 with the given key over "key NUL value", base64url without padding. */
    public static UnaryOperator<String> hmac(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        return text -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        };
    }

    /** The digest of one sensitive key's value: binds the key name, so equal values differ per key. */
    public static String of(UnaryOperator<String> hmac, String key, String value) {
        return hmac.apply(key + "\u0000" + value);
    }

    public static String encode(Map<String, String> digests) {
        StringBuilder out = new StringBuilder(VERSION);
        new TreeMap<>(digests).forEach((key, digest) -> {
            if (out.length() > VERSION.length()) {
                out.append(',');
            }
            out.append(key).append('=').append(digest);
        });
        return out.toString();
    }

    /** The digests in a config value written by {@link #encode}; empty when absent or unreadable. */
    public static Map<String, String> decode(String value) {
        Map<String, String> digests = new TreeMap<>();
        if (value == null || !value.startsWith(VERSION)) {
            return digests;
        }
        for (String pair : value.substring(VERSION.length()).split(",")) {
            int equals = pair.lastIndexOf('=');
            if (equals > 0) {
                digests.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return digests;
    }
}
