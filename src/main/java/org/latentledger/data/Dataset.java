package org.latentledger.data;

import java.util.List;
import java.util.Objects;

/**
 * A labelled data set held in memory: one row of float features per point.
 *
 * <p>Immutable by contract: the arrays are shared, not copied, because data sets reach 10^5 rows
 * and every consumer (forward passes, projections) reads them in bulk. Nobody writes to them.
 *
 * @param name       short name shown in the UI ("digits")
 * @param source     where it came from (file path or bundled resource), for messages and provenance
 * @param features   rows x columns, already scaled to the model's input range
 * @param labels     class index per row, or -1 where unknown
 * @param classNames name of each class index
 * @param image      the image shape when each row is a flattened image, else null
 * @param scaling    how raw values were mapped to features ("pixel / 16"), stated in the UI
 * @param hash       SHA-256 of the source bytes, for caches and provenance
 * @param names      a name per row (from a CSV's name column or a file name), or empty
 * @param notes      a line saying what each row is (a WordNet synset's gloss), shown on hover, or empty
 */
public record Dataset(String name, String source, float[][] features, int[] labels, List<String> classNames,
                      ImageShape image, String scaling, String hash, List<String> names, List<String> notes) {

    public Dataset(String name, String source, float[][] features, int[] labels, List<String> classNames, ImageShape image,
                   String scaling, String hash, List<String> names) {
        this(name, source, features, labels, classNames, image, scaling, hash, names, List.of());
    }

    public Dataset(String name, String source, float[][] features, int[] labels, List<String> classNames, ImageShape image,
                   String scaling, String hash) {
        this(name, source, features, labels, classNames, image, scaling, hash, List.of());
    }

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        classNames = List.copyOf(classNames);
        names = names == null ? List.of() : List.copyOf(names);
        if (!names.isEmpty() && names.size() != features.length) {
            throw new IllegalArgumentException(features.length + " rows but " + names.size() + " names");
        }
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (!notes.isEmpty() && notes.size() != features.length) {
            throw new IllegalArgumentException(features.length + " rows but " + notes.size() + " notes");
        }
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " rows but " + labels.length + " labels");
        }
        int cols = features.length == 0 ? 0 : features[0].length;
        for (float[] row : features) {
            if (row.length != cols) {
                throw new IllegalArgumentException("rows of unequal length: " + cols + " and " + row.length);
            }
        }
        if (image != null && image.size() != cols) {
            throw new IllegalArgumentException("image shape " + image + " does not match " + cols + " columns");
        }
    }

    public int size() {
        return features.length;
    }

    public int columns() {
        return features.length == 0 ? 0 : features[0].length;
    }

    public int classCount() {
        return classNames.size();
    }

    /** The row's own name if it has one, else its index ("#12"). */
    public String rowName(int i) {
        return names.isEmpty() ? "#" + i : names.get(i);
    }

    public boolean isLabelled() {
        for (int l : labels) {
            if (l >= 0) {
                return true;
            }
        }
        return false;
    }

    /** What row i is, in a line (a synset's gloss), or "" when the data says nothing more than its name. */
    public String note(int i) {
        return notes.isEmpty() ? "" : notes.get(i);
    }

    /** The name of the class of row {@code i}, or "?" when unlabelled. */
    public String labelName(int i) {
        int label = labels[i];
        return label >= 0 && label < classNames.size() ? classNames.get(label) : "?";
    }

    /**
     * Whether row i answers a search: its label equals the text or its name contains it, ignoring
     * case ({@code lowered} is the search text stripped and in lower case).
     */
    public boolean matches(int i, String lowered) {
        return labelName(i).toLowerCase(java.util.Locale.ROOT).equals(lowered)
                || (!names.isEmpty() && names.get(i).toLowerCase(java.util.Locale.ROOT).contains(lowered));
    }

    /** The next row after {@code from} that {@linkplain #matches matches} the text, wrapping around; -1 if none. */
    public int find(String text, int from) {
        String q = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        int n = size();
        for (int k = 1; !q.isEmpty() && k <= n; k++) {
            int i = Math.floorMod(from + k, n);
            if (matches(i, q)) {
                return i;
            }
        }
        return -1;
    }

    /** A new data set holding the given rows, in the given order (used for train/test splits). */
    public Dataset subset(int[] rows, String suffix) {
        float[][] f = new float[rows.length][];
        int[] l = new int[rows.length];
        java.util.List<String> n = new java.util.ArrayList<>();
        java.util.List<String> g = new java.util.ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            f[i] = features[rows[i]];
            l[i] = labels[rows[i]];
            if (!names.isEmpty()) {
                n.add(names.get(rows[i]));
            }
            if (!notes.isEmpty()) {
                g.add(notes.get(rows[i]));
            }
        }
        return new Dataset(name + suffix, source, f, l, classNames, image, scaling, hash, n, g);
    }
}
