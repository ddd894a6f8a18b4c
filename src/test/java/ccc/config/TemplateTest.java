package ccc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateTest {

    private static Template parse(String text) {
        try {
            return Template.parse(text);
        } catch (Template.SyntaxError e) {
            throw new AssertionError("unexpected syntax error for '" + text + "': " + e.getMessage(), e);
        }
    }

    @Test
    void plainTextIsOneLiteral() {
        Template template = parse("hello world");
        assertEquals(List.of(new Template.Literal("hello world")), template.segments());
        assertEquals("hello world", template.text());
        assertTrue(template.variables().isEmpty());
        assertFalse(template.hasVaultReferences());
    }

    @Test
    void emptyTextHasNoSegments() {
        assertEquals(List.of(), parse("").segments());
        assertEquals("", parse("").text());
        assertEquals(List.of(), Template.literal("").segments());
    }

    @Test
    void variablesAreFoundInOrderBetweenLiterals() {
        Template template = parse("${a}-mid-${b.c}${d_e-f}");
        assertEquals(List.of(new Template.Variable("a"), new Template.Literal("-mid-"),
                new Template.Variable("b.c"), new Template.Variable("d_e-f")), template.segments());
        assertEquals(List.of("a", "b.c", "d_e-f"), template.variables());
    }

    @Test
    void vaultReferenceHasPathAndKey() {
        Template template = parse("${vault:secret/peve/azure-blob#account_key}");
        assertEquals(List.of(new VaultReference("secret/peve/azure-blob", "account_key")), template.vaultReferences());
        assertTrue(template.hasVaultReferences());
        assertTrue(template.variables().isEmpty());
    }

    @Test
    void vaultPathLosesLeadingSlashesAndSplitsAtTheLastHash() {
        Template template = parse("${vault:/secret/a#b#key}");
        assertEquals(new VaultReference("secret/a#b", "key"), template.vaultReferences().get(0));
    }

    @Test
    void vaultReferenceToStringIsItsSourceForm() {
        assertEquals("${vault:secret/x#k}", new VaultReference("secret/x", "k").toString());
    }

    @Test
    void doubleDollarEscapesAPlaceholder() {
        Template template = parse("$${not_a_var} and $${vault:secret/x#k}");
        assertEquals("${not_a_var} and ${vault:secret/x#k}", template.text());
        assertTrue(template.variables().isEmpty());
        assertFalse(template.hasVaultReferences());
    }

    @Test
    void loneDollarSignsAreLiteral() {
        assertEquals("cost: $5 $ $$", parse("cost: $5 $ $$").text());
    }

    @Test
    void escapeNextToARealVariable() {
        Template template = parse("$${x}${y}");
        assertEquals(List.of("y"), template.variables());
        assertEquals("${x}Y", template.substitute(Map.of("y", "Y")).text());
    }

    @Test
    void unterminatedPlaceholderIsAnErrorNamingTheCharacter() {
        Template.SyntaxError e = assertThrows(Template.SyntaxError.class, () -> Template.parse("ab${topic"));
        assertEquals("'${' at character 3 is never closed with '}'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"${}", "${1abc}", "${a b}", "${a${b}", "${a:b}"})
    void invalidVariableNamesAreErrors(String text) {
        Template.SyntaxError e = assertThrows(Template.SyntaxError.class, () -> Template.parse(text));
        assertTrue(e.getMessage().contains("is not a variable name"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"${vault:secret/x}", "${vault:#key}", "${vault:secret/x#}", "${vault:}"})
    void malformedVaultReferencesAreErrors(String text) {
        Template.SyntaxError e = assertThrows(Template.SyntaxError.class, () -> Template.parse(text));
        assertTrue(e.getMessage().contains("Vault reference of the form"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"${vault:/#key}", "${vault:///#key}"})
    void vaultReferenceWithoutPathIsAnError(String text) {
        Template.SyntaxError e = assertThrows(Template.SyntaxError.class, () -> Template.parse(text));
        assertTrue(e.getMessage().contains("no usable Vault path"), e.getMessage());
    }

    @Test
    void substituteReplacesVariablesAndKeepsVaultReferences() {
        Template template = parse("user=${user};key=${vault:secret/db#password};end");
        Template substituted = template.substitute(Map.of("user", "alice"));
        assertEquals(List.of(new Template.Literal("user=alice;key="),
                new Template.Vault(new VaultReference("secret/db", "password")),
                new Template.Literal(";end")), substituted.segments());
        assertEquals("user=alice;key=s3cr3t;end", substituted.resolve(ref -> "s3cr3t"));
    }

    @Test
    void substitutedValuesAreNotParsedAgain() {
        Template template = parse("${a}");
        assertEquals("${b}", template.substitute(Map.of("a", "${b}", "b", "no")).text());
    }

    @Test
    void textRefusesUnresolvedReferencesAndVariables() {
        assertThrows(IllegalStateException.class, () -> parse("${vault:secret/x#k}").text());
        assertThrows(IllegalStateException.class, () -> parse("${x}").text());
    }

    @Test
    void literalTemplateIsNeverParsed() {
        assertEquals("${x}", Template.literal("${x}").text());
    }
}
