package ccc.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
