package ccc.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed JSON or YAML file that remembers where every value came from, so that a problem can be
 * reported as file:line:column and JSON pointer, and how every number or boolean was written.
 *
 * @param scalars the source text of each number and boolean by JSON pointer, for {@link #scalarText}
 */
public record SourceDocument(Path file, JsonNode root, Map<String, Location> locations, Map<String, String> scalars) {

    public SourceDocument(Path file, JsonNode root, Map<String, Location> locations) {
        this(file, root, locations, Map.of());
    }

    /**
     * The largest config file read, 1 MiB: a connector or vars file is a few kilobytes, and a larger one took
     * tens of seconds to reject. Checked before the file is read, so that size costs nothing.
     */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** Deeper than any config file needs (ccc.yaml has four levels, connector files two). */
    static final int MAX_DEPTH = 32;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxDocumentLength(MAX_FILE_BYTES)
            .maxTokenCount(2L * MAX_FILE_BYTES)
            .build();

    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** For JSON data files ({@link #readJson}): as {@link #JSON}, without the limits of a config file. */
    private static final ObjectMapper DATA = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    // The anchor-replaying factory resolves aliases (*name, <<: *name); the plain one reads an alias as the
    // anchor's name, so 'file: *topic' silently became the string "topic". YamlGuard bounds what it replays.
    static final ObjectMapper YAML = YAMLMapper.builder(
                    (YAMLAnchorReplayingFactory) new YAMLAnchorReplayingFactory().setStreamReadConstraints(LIMITS))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The file could not be parsed at all. */
    public static final class Unparseable extends Exception {
        private final transient Problem problem;

        Unparseable(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public Location at(String pointer) {
        return locations.getOrDefault(pointer, Location.pointer(pointer));
    }

    /**
     * A scalar as the file wrote it, for rendering as a string: YAML reads 01234 as 668, 0x1F as 31 and yes
     * as true, but Connect must get what the user wrote.
     */
    public String scalarText(String pointer, JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        return scalars.getOrDefault(pointer, node.asText());
    }

    public static SourceDocument parseJson(Path file) throws Unparseable {
        return parse(file, JSON, "JSON");
    }

    public static SourceDocument parseYaml(Path file) throws Unparseable {
        return parse(file, YAML, "YAML");
    }

    private static SourceDocument parse(Path file, ObjectMapper mapper, String format) throws Unparseable {
        String text = read(file);
        if (mapper == YAML) {
            Problem problem = YamlGuard.check(file, text, MAX_DEPTH);
            if (problem != null) {
                throw new Unparseable(problem);
            }
        }
        try (JsonParser parser = mapper.createParser(text)) {
            JsonNode root = readOne(file, mapper, parser, format);
            if (root == null || root.isMissingNode() || root.isNull()) {
                root = JsonNodeFactory.instance.objectNode();
            }
            Map<String, Location> locations = new HashMap<>();
            Map<String, String> scalars = new HashMap<>();
            locate(mapper.getFactory(), text, locations, scalars);
            return new SourceDocument(file, root, Map.copyOf(locations), Map.copyOf(scalars));
        } catch (JsonProcessingException e) {
            throw malformed(file, format, e);
        } catch (IOException e) {
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE, "the file cannot be read", ""));
        }
    }

    /** What a parser said is wrong, at its place in the file, in the file's terms (no parser internals). */
    private static Unparseable malformed(Path file, String format, JsonProcessingException e) {
        Diagnosis diagnosis = diagnose(e.getOriginalMessage());
        JsonLocation where = e.getLocation();
        Location location = diagnosis.mark() != null ? diagnosis.mark()
                : where == null ? Location.NONE : new Location(where.getLineNr(), where.getColumnNr(), "");
        return new Unparseable(Problem.error(Problem.Rule.SYNTAX, file, location,
                "malformed " + format + ": " + plain(diagnosis.text()), "Fix the syntax at that place."));
    }

    /**
     * A JSON data file that is not a config file (an offsets file, a saved plan): numbers read exactly, duplicate
     * keys refused, no size limit; what is wrong with it said as for a config file, at its place, once.
     */
    public static JsonNode readJson(Path file) throws Unparseable {
        if (Files.isDirectory(file)) {
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE, "this is a directory, not a file",
                    ""));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE, "the file is not UTF-8 text",
                    "Save it as UTF-8."));
        } catch (IOException e) {
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE,
                    "the file cannot be read: " + reason(e), ""));
        }
        try (JsonParser parser = DATA.createParser(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            JsonNode root = DATA.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                JsonLocation where = parser.currentTokenLocation();
                throw new Unparseable(Problem.error(Problem.Rule.SYNTAX, file,
                        new Location(where.getLineNr(), where.getColumnNr(), ""),
                        "malformed JSON: more content after the end of the first JSON value",
                        "Keep exactly one JSON value in the file."));
            }
            return root == null ? MissingNode.getInstance() : root;
        } catch (JsonProcessingException e) {
            throw malformed(file, "JSON", e);
        } catch (IOException e) {
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE, "the file cannot be read", ""));
        }
    }

    /** The one value of the file: a second JSON value or YAML document would be silently ignored by readTree. */
    private static JsonNode readOne(Path file, ObjectMapper mapper, JsonParser parser, String format)
            throws IOException, Unparseable {
        try {
            JsonNode root = mapper.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                JsonLocation where = parser.currentTokenLocation();
                throw new Unparseable(Problem.error(Problem.Rule.SYNTAX, file, new Location(where.getLineNr(), where.getColumnNr(), ""),
                        "malformed " + format + ": " + ("JSON".equals(format)
                                ? "more content after the end of the first JSON value"
                                : "more than one YAML document ('---') in the file"),
                        "Keep exactly one " + ("JSON".equals(format) ? "object" : "document") + " in the file."));
            }
            return root;
        } catch (StreamConstraintsException e) {
            // A limit of LIMITS: these carry no location of their own, but the parser stopped where it was crossed.
            JsonLocation where = parser.currentLocation();
            Location location = new Location(where.getLineNr(), where.getColumnNr(), "");
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Document nesting depth")) {
                throw new Unparseable(nestedTooDeep(file, location));
            }
            throw new Unparseable(Problem.error(Problem.Rule.SYNTAX, file, location, "malformed " + format + ": " + plain(message),
                    "Config files are small: check that this is the file you meant."));
        }
    }

    static Problem nestedTooDeep(Path file, Location location) {
        return Problem.error(Problem.Rule.SYNTAX, file, location, "values are nested more than " + MAX_DEPTH + " levels deep",
                "Connector files and vars files are flat and ccc.yaml needs four levels: remove the extra nesting.");
    }

    /**
     * The file's text, refused before parsing when it is too large to be a config file, not a regular file, or not
     * UTF-8. At most {@link #MAX_FILE_BYTES} and one more are read, whatever size the file system reports.
     */
    private static String read(Path file) throws Unparseable {
        if (Files.isSymbolicLink(file)) {
            // A link may point anywhere on the machine (/etc/shadow): its lines would be echoed in problems.
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE,
                    "this is a symbolic link: ccc reads only files kept in the repository",
                    "Replace the link with the file itself."));
        }
        if (Files.isDirectory(file)) {
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE, "this is a directory, not a file",
                    "Replace it with the file " + file.getFileName() + ", or rename it."));
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A named pipe or a device would be read for ever.
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE, "this is not a regular file",
                    "Replace it with the file " + file.getFileName() + "."));
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new Unparseable(tooLarge(file, String.format(Locale.ROOT, "%,d bytes", size)));
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE, "the file does not exist", ""));
        } catch (AccessDeniedException e) {
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE, "the file cannot be read: permission denied",
                    "Check its permissions."));
        } catch (IOException e) {
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE, "the file cannot be read: " + reason(e),
                    "Check that it exists, is readable and is UTF-8 text."));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new Unparseable(tooLarge(file, String.format(Locale.ROOT, "more than %,d bytes", MAX_FILE_BYTES)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unparseable(Problem.error(Problem.Rule.FILE, file, Location.NONE, "the file is not UTF-8 text",
                    "Save it as UTF-8."));
        }
        // Editors on Windows save UTF-8 with a byte-order mark; it is not content.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Why a file or directory could not be read, without its path (the message of an IOException is the path). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "it is not a directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "something of that name is in the way";
        }
        if (e instanceof FileSystemException failure) {
            return failure.getReason() != null ? failure.getReason() : "input/output error";
        }
        return "input/output error";
    }

    private static Problem tooLarge(Path file, String size) {
        return Problem.error(Problem.Rule.FILE, file, Location.NONE,
                "the file is " + size + ", above the limit of 1 MiB (" + String.format(Locale.ROOT, "%,d", MAX_FILE_BYTES)
                        + " bytes) for a config file",
                "A connector, vars or ccc.yaml file is a few kilobytes: check that this is the file you meant, "
                        + "and keep generated or binary data out of the config repository.");
    }

    private static void locate(JsonFactory factory, String text, Map<String, Location> locations,
                               Map<String, String> scalars) throws IOException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    context = context.getParent();
                }
                String pointer = context == null ? "" : context.pathAsPointer().toString();
                JsonLocation where = parser.currentTokenLocation();
                locations.putIfAbsent(pointer, new Location(where.getLineNr(), where.getColumnNr(), pointer));
                if (token.isNumeric() || token.isBoolean()) {
                    scalars.putIfAbsent(pointer, parser.getText());
                }
            }
        }
    }

    private static final Pattern ECHOED_TOKEN =
            Pattern.compile("(Unrecognized token|Malformed numeric value) '[^']*'");

    /** A malformed value may be an unquoted secret: the parser's echo of it is not repeated. */
    static String withoutEchoedTokens(String message) {
        return ECHOED_TOKEN.matcher(message).replaceAll("$1 (not shown)");
    }

    /**
     * Rewrites of what Jackson and SnakeYAML say in their own terms (features to enable, event classes, limits by
     * method name) into the terms of the file, applied in order.
     */
    private static final List<Map.Entry<Pattern, String>> INTERNALS = List.of(
            // Where an unclosed object or list opened is said in the file's terms, not Jackson's.
            rewrite("expected close marker for Object \\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: "
                    + "(\\d+)\\]\\)", "the object opened at line $1, column $2 is not closed"),
            rewrite("expected close marker for Array \\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: "
                    + "(\\d+)\\]\\)", "the list opened at line $1, column $2 is not closed"),
            rewrite("\\(for Object starting at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)",
                    "(to close the object opened at line $1, column $2)"),
            rewrite("\\(for Array starting at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)",
                    "(to close the list opened at line $1, column $2)"),
            // "(start marker at [Source: REDACTED ...; line: 1, column: 1])": the location is reported apart
            rewrite("\\s*\\(?(start marker )?at \\[Source: [^\\]]*\\]\\)?", ""),
            rewrite(": enable `JsonReadFeature\\.ALLOW_NON_NUMERIC_NUMBERS` to allow",
                    ": not a number JSON allows; quote it if it is text"),
            rewrite(":? ?enable `[^`]*` to allow", ""),
            rewrite("maybe a \\(non-standard\\) comment\\? \\(not recognized as one since Feature 'ALLOW_COMMENTS' "
                    + "not enabled for parser\\)", "JSON has no comments"),
            rewrite("\\s*\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)", ""),
            rewrite("\\('\\}' \\(code 125\\)\\): was expecting double-quote to start field name",
                    "('}'): a comma before the closing brace, with no key after it"),
            rewrite("was expecting double-quote to start field name", "expected a key in double quotes"),
            rewrite("Expected a field name \\(Scalar value in YAML\\), got this instead: "
                    + "<org\\.yaml\\.snakeyaml\\.events\\.SequenceStartEvent\\([^)]*\\)>",
                    "a list cannot be a key; keys are names"),
            rewrite("Expected a field name \\(Scalar value in YAML\\), got this instead: "
                    + "<org\\.yaml\\.snakeyaml\\.events\\.MappingStartEvent\\([^)]*\\)>",
                    "a mapping cannot be a key; keys are names"),
            rewrite("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event\\([^)]*\\)>", "$1"),
            rewrite("\\.? ?This Base64Variant might have been incorrectly configured", ""),
            rewrite(", from `[^`]*`\\)", ")"));

    private static Map.Entry<Pattern, String> rewrite(String regex, String replacement) {
        return Map.entry(Pattern.compile(regex), replacement);
    }

    /** A parser's message in the terms of the file: no echoed tokens, no parser internals. */
    static String plain(String message) {
        String text = withoutEchoedTokens(message);
        for (Map.Entry<Pattern, String> rule : INTERNALS) {
            text = rule.getKey().matcher(text).replaceAll(rule.getValue());
        }
        return text;
    }

    private static final Pattern MARK = Pattern.compile("\\s*in '[^']*', line (\\d+), column (\\d+):?");

    /** SnakeYAML's "found <the character>(10)": a line break written raw would cut the statement in two. */
    private static final Pattern FOUND_CHARACTER = Pattern.compile("found (.)\\((\\d+)\\)", Pattern.DOTALL);

    private static String namedCharacters(String message) {
        return FOUND_CHARACTER.matcher(message).replaceAll(found -> {
            int code = Integer.parseInt(found.group(2));
            String name = switch (code) {
                case '\n', '\r' -> "a line break";
                case '\t' -> "a tab";
                case ' ' -> "a space";
                default -> Character.isISOControl(code) ? String.format("the control character U+%04X", code)
                        : "'" + found.group(1) + "'";
            };
            return Matcher.quoteReplacement("found " + name);
        });
    }

    /** What a parser said is wrong, and where, when its message says so more precisely than its location. */
    record Diagnosis(String text, Location mark) {
    }

    /**
     * The parser's message without its echo of the source. SnakeYAML writes "context, its mark, snippet,
     * problem, its mark, snippet": keep the problem (what is wrong) and the context with where it began;
     * the problem's mark is where the parser found it (Jackson's own location can be a token off).
     */
    static Diagnosis diagnose(String message) {
        if (message == null || message.isBlank()) {
            return new Diagnosis("unexpected content", null);
        }
        List<String> statements = new ArrayList<>();
        List<Location> marks = new ArrayList<>();
        for (String line : namedCharacters(message).split("\n")) {
            Matcher mark = MARK.matcher(line);
            if (mark.matches()) {
                if (!statements.isEmpty() && marks.size() < statements.size()) {
                    marks.add(new Location(Integer.parseInt(mark.group(1)), Integer.parseInt(mark.group(2)), ""));
                }
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                while (marks.size() < statements.size()) {
                    marks.add(null);
                }
                statements.add(line.strip());
            }
        }
        while (marks.size() < statements.size()) {
            marks.add(null);
        }
        if (statements.isEmpty()) {
            return new Diagnosis(message.strip().lines().findFirst().orElse("unexpected content"), null);
        }
        int last = statements.size() - 1;
        if (last == 0) {
            return new Diagnosis(statements.get(0), marks.get(0));
        }
        Location contextMark = marks.get(0);
        String context = statements.get(0)
                + (contextMark == null ? "" : " at " + contextMark.line() + ":" + contextMark.column());
        return new Diagnosis(statements.get(last) + " (" + context + ")", marks.get(last));
    }
}
