package org.latentledger.ui.jobs;

/**
 * Whose job it is. A new job supersedes the running or waiting job of its own lane (the map of
 * the previous layer is not wanted once another layer is chosen) and waits behind the jobs of
 * other lanes (the journey's maps do not cancel the map page's).
 */
public enum Lane {
    /** Opening or closing files: a new session. */
    OPEN,
    /** The map page's layout of the chosen layer. */
    MAP,
    /** The journey's maps of every layer. */
    JOURNEY,
    /** The ledger's frontier sweep. */
    LEDGER,
    /** Writing exports (GIF encoding, files). */
    EXPORT,
    /** Training: economizing a copy of the open model. */
    TRAIN
}
