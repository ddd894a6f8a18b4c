package ccc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher users install next to the jar (target/ccc): it runs ccc as 'java -jar' does, with a
 * class-data sharing archive only where one was made for this JDK and this jar, and never a word of
 * its own on the streams ccc writes to.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final String JAVA_HOME = System.getProperty("java.home");
    /** Only a guard: the archive is dumped in seconds. */
    private static final Duration DUMP_GUARD = Duration.ofMinutes(3);

    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err, boolean fromArchive) {
    }

    private Run run(Path launcher, Map<String, String> env, String... args) throws Exception {
        Path classes = Files.createTempFile(temp, "classes", ".log");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .directory(Path.of("").toAbsolutePath().toFile());
        Map<String, String> variables = new HashMap<>(Map.of("JAVA_HOME", JAVA_HOME, "NO_COLOR", "1",
                "CCC_JAVA_OPTS", "-Xlog:class+load:file=" + classes));
        variables.putAll(env);
        builder.environment().putAll(variables);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ccc did not finish: " + command);
        boolean fromArchive = Files.readAllLines(classes).stream()
                .anyMatch(line -> line.contains(" ccc.cli.Main source: shared objects file"));
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), fromArchive);
    }

    private static Run jar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(JAVA_HOME, "bin", "java").toString(), "-jar",
                TARGET.resolve("ccc.jar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("NO_COLOR", "1");
        Path out = Files.createTempFile("ccc-out", ".txt");
        Path err = Files.createTempFile("ccc-err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err), false);
    }

    /** The launcher, the jar and the class list copied to a directory of their own, as the README installs them. */
    private Path install(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String file : List.of("ccc", "ccc.jar", "ccc.classlist")) {
            Files.copy(TARGET.resolve(file), directory.resolve(file));
        }
        Files.setPosixFilePermissions(directory.resolve("ccc"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return directory.resolve("ccc");
    }

    private static List<Path> archives(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("ccc-\\d+\\.jsa")).toList();
        }
    }

    /** Waits for an archive other than {@code known} (the dump runs beside the run that started it). */
    private static Path awaitArchive(Path directory, List<Path> known) throws Exception {
        Instant end = Instant.now().plus(DUMP_GUARD);
        while (true) {
            List<Path> made = new ArrayList<>(archives(directory));
            made.removeAll(known);
            if (!made.isEmpty()) {
                return made.get(0);
            }
            assertTrue(Instant.now().isBefore(end), "no archive was dumped in " + directory);
            Thread.sleep(100);
        }
    }

    @Test
    void theLauncherRunsCccAsJavaJarDoesWithTheArchiveMadeByPackage() throws Exception {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"validate", "--root", "connectors"},
                new String[] {"plan", "--env", "dev", "--offline", "--root", "connectors", "--output", "json"},
                new String[] {"no-such-command"})) {
            Run launched = run(TARGET.resolve("ccc"), Map.of(), args);
            Run plain = jar(args);
            assertEquals(plain.exitCode(), launched.exitCode(), launched.toString());
            assertEquals(plain.out(), launched.out(), String.join(" ", args));
            assertEquals(plain.err(), launched.err(), String.join(" ", args));
            assertTrue(launched.fromArchive(), "the archive that package made for this JDK and this jar is used");
        }
    }

    @Test
    void installedElsewhereTheFirstRunDumpsAnArchiveThatTheNextOnesUse() throws Exception {
        Path launcher = install(temp.resolve("lib/ccc"));
        Path link = Files.createSymbolicLink(Files.createDirectories(temp.resolve("bin")).resolve("ccc"), launcher);

        Run first = run(link, Map.of(), "--version");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals("", first.err());
        assertFalse(first.fromArchive(), "the archive made by package is for target/ccc.jar, not this copy");
        awaitArchive(launcher.getParent(), List.of());

        Run next = run(link, Map.of(), "validate", "--root", "connectors");
        assertEquals(0, next.exitCode(), next.toString());
        assertEquals("", next.err());
        assertTrue(next.fromArchive());
    }

    @Test
    void aNewerJarOrAnotherJdkNeverGetsAnArchiveThatWasNotMadeForIt() throws Exception {
        Path launcher = install(temp.resolve("lib"));
        run(launcher, Map.of(), "--version");
        Path made = awaitArchive(launcher.getParent(), List.of());

        Path jar = launcher.resolveSibling("ccc.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(120)));
        Run stale = run(launcher, Map.of(), "--version");
        assertEquals(0, stale.exitCode(), stale.toString());
        assertEquals("", stale.err());
        assertFalse(stale.fromArchive(), "the jar changed after the archive was made");
        Path remade = awaitArchive(launcher.getParent(), List.of(made));
        assertEquals(List.of(remade), archives(launcher.getParent()), "the stale archive is removed");

        // Another JDK: the same java binary, behind a home whose release file names another version.
        Path otherHome = temp.resolve("other-jdk");
        Files.createDirectories(otherHome.resolve("bin"));
        Path java = otherHome.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nexec '" + Path.of(JAVA_HOME, "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(otherHome.resolve("release"), "JAVA_VERSION=\"17.0.99\"\n");
        Run other = run(launcher, Map.of("JAVA_HOME", otherHome.toString()), "--version");
        assertEquals(0, other.exitCode(), other.toString());
        assertEquals("", other.err());
        assertFalse(other.fromArchive(), "the archive there was made for another JDK");
        awaitArchive(launcher.getParent(), List.of(remade));
    }

    @Test
    void withoutJavaOrWithTheArchiveTurnedOffItSaysSoOrRunsPlainly() throws Exception {
        Run off = run(TARGET.resolve("ccc"), Map.of("CCC_CDS", "off"), "--version");
        assertEquals(0, off.exitCode(), off.toString());
        assertFalse(off.fromArchive());

        Run noJava = run(TARGET.resolve("ccc"), Map.of("JAVA_HOME", temp.resolve("nowhere").toString()), "--version");
        assertEquals(1, noJava.exitCode());
        assertTrue(noJava.err().startsWith("ccc: no Java found; ccc needs Java 17 or later"), noJava.err());
    }
}
