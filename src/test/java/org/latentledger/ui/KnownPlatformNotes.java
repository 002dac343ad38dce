package org.latentledger.ui;

import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the two warnings JavaFX logs on every headless test run, which are true and expected
 * there: the toolkit is on the class path, not the module path (Maven's tests), and Monocle's
 * software pipeline has no 3D (the map says so itself, and a test checks it). Every other log
 * record passes. Named by src/test/resources/logging.properties.
 */
public final class KnownPlatformNotes implements Filter {

    private static final Set<String> KNOWN = Set.of("Unsupported JavaFX configuration", "System can't support ConditionalFeature.SCENE3D");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        return message == null || KNOWN.stream().noneMatch(message::startsWith);
    }
}
