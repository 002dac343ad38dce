package org.latentledger.work;

/** Thrown by long work that stopped because it was asked to; not an error. */
public final class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
