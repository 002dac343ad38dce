package org.latentledger.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns label cells into class indices: numbers sort numerically ("2" before "10"), names
 * alphabetically; a blank cell is unlabelled (-1).
 */
record Labels(int[] indices, List<String> classNames) {

    static Labels of(List<String> cells) {
        boolean numeric = cells.stream().filter(c -> !c.isBlank()).allMatch(c -> c.strip().matches("-?\\d+"));
        Comparator<String> order = numeric ? Comparator.comparingLong(c -> Long.parseLong(c.strip())) : Comparator.naturalOrder();
        TreeSet<String> distinct = new TreeSet<>(order);
        for (String c : cells) {
            if (!c.isBlank()) {
                distinct.add(c.strip());
            }
        }
        List<String> names = new ArrayList<>(distinct);
        int[] idx = new int[cells.size()];
        for (int i = 0; i < idx.length; i++) {
            String c = cells.get(i).strip();
            idx[i] = c.isEmpty() ? -1 : names.indexOf(c);
        }
        return new Labels(idx, names);
    }

    static Labels none(int n) {
        int[] idx = new int[n];
        java.util.Arrays.fill(idx, -1);
        return new Labels(idx, List.of());
    }
}
