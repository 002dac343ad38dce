package org.latentledger.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * WordNet's lemmas of the words looked up before, kept in a file between runs: opening extjwnl's
 * dictionary takes about 0.3 s and a concept sample's 15,000 distinct words as long again on a cold
 * JVM, and the answers never change for the same WordNet and extjwnl. The file's name is a digest
 * of what the answers come from (the jars of extjwnl and of its WordNet data, by name and size), so
 * another WordNet or morphology starts a new one. One {@code word TAB lemma} per line; a file that
 * cannot be read is ignored (the dictionary answers instead), a failure to write only costs the
 * lookups again.
 */
final class LemmaMemo {

    private final Path file;

    LemmaMemo(Path file) {
        this.file = file;
    }

    /** The memo in the user's cache folder for the WordNet and extjwnl this process runs with (null when they cannot be told). */
    static LemmaMemo user() {
        String source = source();
        return source == null ? null : new LemmaMemo(org.latentledger.work.CacheFolder.of("lemmas")
                .resolve(org.latentledger.data.Hashing.sha256(source.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".tsv"));
    }

    /** What the lemmas come from: the code sources of extjwnl and of the WordNet data files, by name and size. */
    private static String source() {
        try {
            StringBuilder b = new StringBuilder("lemmas 1");
            for (java.net.URL u : new java.net.URL[] {net.sf.extjwnl.dictionary.Dictionary.class.getProtectionDomain().getCodeSource().getLocation(),
                    LemmaMemo.class.getClassLoader().getResource(SynsetFiles.DIRECTORY + "data.noun")}) {
                String at = u.toString();
                // A resource in a jar is jar:file:/...!/path: the jar is what identifies it.
                String jar = at.startsWith("jar:") ? at.substring(4, at.indexOf("!/")) : at;
                Path p = Path.of(java.net.URI.create(jar));
                b.append(' ').append(p.getFileName()).append(' ').append(Files.size(p));
            }
            return b.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The lemmas kept, or none. */
    Map<String, String> read() {
        Map<String, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab <= 0 || tab == line.length() - 1 || line.indexOf('\t', tab + 1) >= 0) {
                    return Map.of(); // not a file this class wrote: trust none of it
                }
                out.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }

    /** Writes these lemmas in place of the file's (atomically). */
    void write(Map<String, String> lemmas) {
        StringBuilder b = new StringBuilder(lemmas.size() * 16);
        lemmas.forEach((w, l) -> {
            if (w.indexOf('\t') < 0 && w.indexOf('\n') < 0 && l.indexOf('\t') < 0 && l.indexOf('\n') < 0 && !w.isEmpty() && !l.isEmpty()) {
                b.append(w).append('\t').append(l).append('\n');
            }
        });
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Best effort: the memo saves time, nothing else.
        }
    }
}
