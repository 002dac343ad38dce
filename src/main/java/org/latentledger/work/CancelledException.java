package org.latentledger.work;

/** Thrown by long work that stopped because it was asked to; not an error. */
public final class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled", null, false, false);
    }

    /** A cancel with something to say about it ("abandoned: it finishes in the background"). */
    public CancelledException(String why) {
        super(why, null, false, false);
    }
}
