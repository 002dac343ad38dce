package org.latentledger.work;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A word of the app's vocabulary (a projection method, a page, a theme, ...): the name that
 * scripts, lessons, workspaces and sidecars use, and the label the window shows. Every such
 * enum is parsed by {@link #parse}, so an unknown name fails the same way everywhere: with the
 * list of the names that are valid, never with a silent fallback.
 */
public interface Named {

    /** The name command lines, lessons and files use ("tsne", "journey", "dark"): the constant's name in lower case, '_' as '-'. */
    default String cliName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** How the window shows it ("t-SNE", "Journey", "Dark"): the enum's {@code toString}. */
    default String label() {
        return toString();
    }

    /**
     * The constant whose {@link #cliName()} or {@link #label()} is {@code name}, ignoring case.
     *
     * @param what what the vocabulary is called in the message ("projection method")
     * @throws IllegalArgumentException naming the valid names when there is no such constant
     */
    static <E extends Enum<E> & Named> E parse(Class<E> type, String name, String what) {
        String wanted = name == null ? "" : name.strip();
        for (E e : type.getEnumConstants()) {
            if (e.cliName().equalsIgnoreCase(wanted) || e.label().equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "no %s called '%s'; the %ss are %s", what, wanted, what,
                names(type)));
    }

    /** The valid names, comma-separated, for messages and help texts. */
    static <E extends Enum<E> & Named> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Named::cliName).collect(Collectors.joining(", "));
    }
}
