package org.latentledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotRelaunchTest {

    @Test
    void aFinishedRecordingReplacesItsClassPathsOlderBuildAndKeepsTheMostRecentOthers(@TempDir Path dir) throws Exception {
        Path olderBuild = cacheAt(dir, "aaaa-0001.aot", 5_000_000);
        List<Path> others = new java.util.ArrayList<>();
        for (int i = 0; i <= AotRelaunch.OTHER_CLASS_PATHS; i++) {
            others.add(cacheAt(dir, "b" + i + "-0001.aot", 1_000_000 + i * 1000)); // b0 the oldest
        }
        Path unprefixed = cacheAt(dir, "0123456789abcdef.aot", 500_000); // named as before caches had two parts
        Path cache = dir.resolve("aaaa-0002.aot");
        AotRelaunch.keep(dir.resolve("never-written.aot.part"), cache);
        assertTrue(Files.exists(olderBuild), "a recording that did not finish removes nothing");
        assertFalse(Files.exists(cache));

        Path recording = Files.writeString(dir.resolve("recording-1.aot.part"), "new build");
        AotRelaunch.keep(recording, cache);
        assertEquals("new build", Files.readString(cache));
        assertFalse(Files.exists(recording));
        assertFalse(Files.exists(olderBuild), "the same class path's older build is replaced, however recent");
        assertFalse(Files.exists(unprefixed), "beyond the most recent others, the oldest go");
        assertFalse(Files.exists(others.get(0)));
        for (Path kept : others.subList(1, others.size())) {
            assertTrue(Files.exists(kept), "another class path's cache (java -jar's, javafx:run's) is kept: " + kept.getFileName());
        }
    }

    private static Path cacheAt(Path dir, String name, long millis) throws java.io.IOException {
        Path p = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(millis));
        return p;
    }

    @Test
    void aRebuildKeepsTheLaunchPartOfTheCachesNameAndChangesTheRest(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "one");
        String first = AotRelaunch.cacheName(jar.toString(), jar.toString());
        Files.writeString(jar, "a rebuilt jar");
        String next = AotRelaunch.cacheName(jar.toString(), jar.toString());
        assertFalse(first.equals(next));
        assertEquals(first.substring(0, first.indexOf('-')), next.substring(0, next.indexOf('-')));
        String elsewhere = AotRelaunch.cacheName(dir.resolve("other.jar").toString(), jar.toString());
        assertFalse(elsewhere.startsWith(next.substring(0, next.indexOf('-'))), "another class path: another launch part");
    }

    @Test
    void onlyAFolderWithClassesInItIsPackedNeverTheWorkingFolder(@TempDir Path dir) throws Exception {
        assertFalse(ClassesJar.isClassFolder(""), "an empty entry means the working folder");
        assertFalse(ClassesJar.isClassFolder("."));
        Path resources = Files.createDirectories(dir.resolve("resources"));
        Files.writeString(resources.resolve("notes.txt"), "no classes");
        assertFalse(ClassesJar.isClassFolder(resources.toString()));
        assertFalse(ClassesJar.isClassFolder(dir.resolve("missing").toString()));
        Path classes = Files.createDirectories(dir.resolve("classes/org/example"));
        Files.writeString(classes.resolve("A.class"), "A");
        assertTrue(ClassesJar.isClassFolder(dir.resolve("classes").toString()));
    }

    @Test
    void theCacheIsKeyedByTheClassPathAndItsFiles(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "one");
        String first = AotRelaunch.key(jar.toString());
        assertEquals(first, AotRelaunch.key(jar.toString()), "the same files give the same key");
        Files.writeString(jar, "a rebuilt jar");
        assertFalse(first.equals(AotRelaunch.key(jar.toString())), "a rebuilt jar (another size) needs another cache");
    }

    @Test
    void aClassFolderIsPackedOncePerContentAndAChangedFolderGetsANewJar(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/org/example"));
        Files.writeString(classes.resolve("A.class"), "first A");
        Files.writeString(dir.resolve("classes/model.txt"), "a resource");
        Path cache = dir.resolve("aot");
        Path jar = ClassesJar.of(dir.resolve("classes"), cache);
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertEquals("first A", new String(zip.getInputStream(zip.getEntry("org/example/A.class")).readAllBytes()));
            assertEquals("a resource", new String(zip.getInputStream(zip.getEntry("model.txt")).readAllBytes()));
            assertEquals(2, zip.size());
        }
        long written = Files.getLastModifiedTime(jar).toMillis();
        assertEquals(jar, ClassesJar.of(dir.resolve("classes"), cache), "the same content: the same jar");
        assertEquals(written, Files.getLastModifiedTime(jar).toMillis(), "not written again (the cache checks its date)");

        Files.writeString(classes.resolve("A.class"), "a recompiled A");
        Path next = ClassesJar.of(dir.resolve("classes"), cache);
        assertFalse(next.equals(jar), "a changed class gives another jar");
        assertFalse(Files.exists(jar), "the folder's older jar is removed");
        try (var zip = new java.util.zip.ZipFile(next.toFile())) {
            assertEquals("a recompiled A", new String(zip.getInputStream(zip.getEntry("org/example/A.class")).readAllBytes()));
        }
    }

    @Test
    void aRecordedTrainingRunIsAssembledIntoACacheTheJvmStartsFrom(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("empty.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), new java.util.jar.Manifest())) {
            // a class path entry the cache checks, as the app's jar is
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path config = Files.createTempFile(dir, "recording-", ".aotconf");
        assertFalse(Files.exists(AotRelaunch.assemble(config, List.of(), jar.toString())), "nothing recorded: nothing assembled");
        // A training run of a program every JDK has (the jar tool), as the window's JVM is recorded.
        List<String> record = new java.util.ArrayList<>(List.of(java));
        record.addAll(AotRelaunch.recording(config));
        record.addAll(List.of("-cp", jar.toString(), "-m", "jdk.jartool/sun.tools.jar.Main", "--version"));
        assertEquals(0, new ProcessBuilder(record).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor());
        Path cache = AotRelaunch.assemble(config, List.of(), jar.toString());
        assertTrue(Files.size(cache) > 0, "a cache was assembled");
        // AOTMode=on refuses to start unless the cache can be used.
        List<String> use = new java.util.ArrayList<>(List.of(java, "-XX:AOTMode=on"));
        use.addAll(AotRelaunch.using(cache));
        use.addAll(List.of("-cp", jar.toString(), "-m", "jdk.jartool/sun.tools.jar.Main", "--version"));
        assertEquals(0, new ProcessBuilder(use).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor());
    }
}
