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
}
