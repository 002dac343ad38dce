package org.latentledger.ui.shell;

/**
 * Something the user should know went wrong, phrased so they can act on it.
 *
 * @param title   one line ("Could not open the bundled model")
 * @param file    the file concerned, or null
 * @param message what was expected and what was found
 * @param details technical details (stack trace), shown on demand
 */
public record Problem(String title, String file, String message, String details) {

    /** A failure as the user sees it: the file it concerns (for bad files), its message, and the trace folded away. */
    public static Problem of(String title, Throwable error) {
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        String file = switch (error) {
            case org.latentledger.model.ModelLoadException m -> m.file();
            case org.latentledger.data.DataFormatException d -> d.file();
            default -> null;
        };
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new Problem(title, file, message, trace.toString());
    }
}
