package ccc.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretRegistryTest {

    @Test
    void registeredValuesAreMaskedLongestFirst() {
        SecretRegistry registry = new SecretRegistry();
        registry.register("abcd");
        registry.register("abcdef");
        assertEquals("x ******** y ********", registry.scrub("x abcdef y abcd"));
    }

    @Test
    void valuesOfSensitiveKeysAreMaskedInEveryEchoForm() {
        SecretRegistry registry = new SecretRegistry();
        registry.registerKey("azblob.account.key");
        String json = "bad config {\"azblob.account.key\": \"Top\\\"Secret42\", \"topics\": \"orders\"}";
        assertEquals("bad config {\"azblob.account.key\": \"********\", \"topics\": \"orders\"}", registry.scrub(json));
        String map = "Invalid value {azblob.account.key=TopSecret42, topics=orders}";
        assertEquals("Invalid value {azblob.account.key=********, topics=orders}", registry.scrub(map));
        String property = "azblob.account.key = TopSecret42\nnext line";
        assertFalse(registry.scrub(property).contains("TopSecret42"));
        String escaped = "\"trace\" : \"Invalid value {\\\"azblob.account.key\\\": \\\"TopSecret42\\\"}\"";
        assertEquals("\"trace\" : \"Invalid value {\\\"azblob.account.key\\\": \\\"********\\\"}\"",
                registry.scrub(escaped));
        assertEquals("the azblob.account.key is wrong", registry.scrub("the azblob.account.key is wrong"));
    }

    @Test
    void valuesTooCommonToMaskAreNeverRegistered() {
        SecretRegistry registry = new SecretRegistry();
        for (String trivial : new String[] {"true", "FALSE", "null", "None", " true ", "123456", "-42", "0.25",
                "abc", "   ", ""}) {
            assertTrue(SecretRegistry.isTrivial(trivial), trivial);
            registry.register(trivial);
        }
        assertTrue(registry.isEmpty());
        assertEquals("{\"sensitive\": true, \"after\": \"true\", \"size\": \"123456\"}",
                registry.scrub("{\"sensitive\": true, \"after\": \"true\", \"size\": \"123456\"}"));
        for (String secret : new String[] {"true1", "1234567", "abcd", "s3cret"}) {
            assertFalse(SecretRegistry.isTrivial(secret), secret);
        }
    }

    @Test
    void maskingAKeyedValueKeepsCodeSpansAndTableCellsWellFormed() {
        SecretRegistry registry = new SecretRegistry();
        registry.registerKey("password");
        assertEquals("| `host=db password=********` | x |", registry.scrub("| `host=db password=s3cret` | x |"));
        assertEquals("a password=********|b", registry.scrub("a password=s3cret|b"));
    }

    @Test
    void aSingleQuotedValueIsMaskedWhole() {
        SecretRegistry registry = new SecretRegistry();
        registry.registerKey("password");
        assertEquals("host=db password='********' dbname=x", registry.scrub("host=db password='my s3cret' dbname=x"));
    }

    @Test
    void theDriverParameterOfADeclaredKeyIsMaskedInsideALongerString() {
        SecretRegistry registry = new SecretRegistry();
        registry.registerKey("connection.password");
        registry.registerKey("azblob.account.key");
        String libpq = "FATAL: could not connect (host=db port=5432 password=s3cret dbname=x)";
        assertEquals("FATAL: could not connect (host=db port=5432 password=******** dbname=x)", registry.scrub(libpq));
        assertEquals("record key=orders-1", registry.scrub("record key=orders-1"), "a generic tail is not a key");
    }
}
