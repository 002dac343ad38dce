package org.latentledger.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The files opened lately, newest first, remembered across runs (in the user's preferences) or
 * only in memory (tests, screenshots). Each entry says whether it was a model or data.
 */
public final class RecentFiles {

    /** One remembered file. */
    public record Entry(boolean model, Path path) {

        /** A workspace (remembered as a file that is not a model; its extension says what it is). */
        public boolean workspace() {
            return !model && path.getFileName().toString().endsWith(org.latentledger.workspace.WorkspaceFile.EXTENSION);
        }

        String encode() {
            return (model ? "model:" : "data:") + path;
        }

        static Entry decode(String s) {
            return s.startsWith("model:") ? new Entry(true, Path.of(s.substring(6))) : new Entry(false, Path.of(s.substring(5)));
        }
    }

    static final int MAX = 8;

    private final Preferences prefs;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();

    private RecentFiles(Preferences prefs) {
        this.prefs = prefs;
        if (prefs != null) {
            for (int i = 0; i < MAX; i++) {
                String s = prefs.get("recent." + i, null);
                if (s != null && (s.startsWith("model:") || s.startsWith("data:"))) {
                    entries.add(Entry.decode(s));
                }
            }
        }
    }

    public static RecentFiles remembered(Preferences prefs) {
        return new RecentFiles(prefs);
    }

    public static RecentFiles inMemory() {
        return new RecentFiles(null);
    }

    public ObservableList<Entry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    void add(boolean model, Path path) {
        Entry e = new Entry(model, path.toAbsolutePath().normalize());
        List<Entry> next = new ArrayList<>(entries);
        next.remove(e);
        next.addFirst(e);
        entries.setAll(next.subList(0, Math.min(MAX, next.size())));
        if (prefs != null) {
            for (int i = 0; i < MAX; i++) {
                if (i < entries.size()) {
                    prefs.put("recent." + i, entries.get(i).encode());
                } else {
                    prefs.remove("recent." + i);
                }
            }
        }
    }
}
