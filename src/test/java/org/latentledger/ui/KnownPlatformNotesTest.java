package org.latentledger.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The log filter drops only the two known JavaFX notes. */
class KnownPlatformNotesTest {

    @Test
    void dropsTheTwoKnownNotesAndNothingElse() {
        KnownPlatformNotes f = new KnownPlatformNotes();
        assertFalse(f.isLoggable(new LogRecord(Level.WARNING, "System can't support ConditionalFeature.SCENE3D")));
        assertFalse(f.isLoggable(new LogRecord(Level.WARNING, "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'")));
        assertTrue(f.isLoggable(new LogRecord(Level.WARNING, "Could not resolve '-color-bg-default' while resolving lookups")));
        assertTrue(f.isLoggable(new LogRecord(Level.SEVERE, "Exception in skin")));
        assertTrue(f.isLoggable(new LogRecord(Level.INFO, null)));
    }
}
