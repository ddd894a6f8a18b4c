package ccc.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A config value with {@code ${var}} and {@code ${vault:path#key}} placeholders; {@code $${} is a
 * literal {@code ${}.
 */
public record Template(List<Segment> segments) {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    /** Whether {@code ${name}} can refer to it (the vars schema refuses any other name). */
    static boolean isVariableName(String name) {
        return VARIABLE_NAME.matcher(name).matches();
    }

    public sealed interface Segment permits Literal, Variable, Vault {
    }

    public record Literal(String text) implements Segment {
    }

    public record Variable(String name) implements Segment {
    }

    public record Vault(VaultReference reference) implements Segment {
    }

    /** A placeholder that cannot be parsed; the message says which and why. */
    public static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    public Template {
        segments = List.copyOf(segments);
    }

    public static Template literal(String text) {
        return new Template(text.isEmpty() ? List.of() : List.of(new Literal(text)));
    }

    public static Template parse(String text) throws SyntaxError {
        List<Segment> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new SyntaxError("'${' at character " + (i + 1) + " is never closed with '}'");
                }
                if (literal.length() > 0) {
                    segments.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                segments.add(placeholder(text.substring(i + 2, end)));
                i = end + 1;
            } else {
                literal.append(text.charAt(i));
                i++;
            }
        }
        if (literal.length() > 0) {
            segments.add(new Literal(literal.toString()));
        }
        return new Template(segments);
    }

    private static Segment placeholder(String body) throws SyntaxError {
        if (body.startsWith("vault:")) {
            String reference = body.substring("vault:".length());
            int hash = reference.lastIndexOf('#');
            if (hash <= 0 || hash == reference.length() - 1) {
                throw new SyntaxError("'${" + body + "}' is not a Vault reference of the form ${vault:<path>#<key>}");
            }
            String path = reference.substring(0, hash);
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            if (path.isEmpty() || path.contains("${")) {
                throw new SyntaxError("'${" + body + "}' has no usable Vault path");
            }
            return new Vault(new VaultReference(path, reference.substring(hash + 1)));
        }
        if (!VARIABLE_NAME.matcher(body).matches()) {
            throw new SyntaxError("'${" + body + "}' is not a variable name (letters, digits, _ . -)");
        }
        return new Variable(body);
    }

    public List<String> variables() {
        return segments.stream().filter(Variable.class::isInstance).map(s -> ((Variable) s).name()).toList();
    }

    public List<VaultReference> vaultReferences() {
        return segments.stream().filter(Vault.class::isInstance).map(s -> ((Vault) s).reference()).toList();
    }

    public boolean hasVaultReferences() {
        return segments.stream().anyMatch(Vault.class::isInstance);
    }

    /** Replaces every variable with its value (the caller has checked they are all defined). */
    public Template substitute(Map<String, String> values) {
        List<Segment> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (Segment segment : segments) {
            if (segment instanceof Literal l) {
                literal.append(l.text());
            } else if (segment instanceof Variable v) {
                literal.append(values.getOrDefault(v.name(), ""));
            } else {
                if (literal.length() > 0) {
                    out.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                out.add(segment);
            }
        }
        if (literal.length() > 0) {
            out.add(new Literal(literal.toString()));
        }
        return new Template(out);
    }

    /** The final text, each Vault reference replaced by what the resolver returns for it. */
    public String resolve(Function<VaultReference, String> resolver) {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            if (segment instanceof Literal l) {
                text.append(l.text());
            } else if (segment instanceof Vault v) {
                text.append(resolver.apply(v.reference()));
            } else {
                throw new IllegalStateException("unsubstituted variable " + ((Variable) segment).name());
            }
        }
        return text.toString();
    }

    /** The text of a template without Vault references. */
    public String text() {
        return resolve(reference -> {
            throw new IllegalStateException("unresolved Vault reference");
        });
    }
}
