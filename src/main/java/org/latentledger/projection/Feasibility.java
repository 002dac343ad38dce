package org.latentledger.projection;

/**
 * Whether a layout can be computed as asked, checked before any work starts: a person should
 * learn that Smile's exact t-SNE would need 2.4 GB, or that a run cannot be cancelled, before
 * clicking, not from an out-of-memory error ten minutes later.
 *
 * @param verdict what the caller should do
 * @param message why, with the figures behind it; empty when there is nothing to say
 */
public record Feasibility(Verdict verdict, String message) {

    public enum Verdict {
        /** Go ahead. */
        OK,
        /** It will run, but the person should know something first (time, no progress, no cancel). */
        WARN,
        /** It would fail or exhaust memory: do not start it. */
        REFUSE
    }

    public Feasibility {
        if (verdict == null || message == null) {
            throw new IllegalArgumentException("a feasibility has a verdict and a message");
        }
    }

    public static Feasibility ok() {
        return new Feasibility(Verdict.OK, "");
    }

    public static Feasibility warn(String message) {
        return new Feasibility(Verdict.WARN, message);
    }

    public static Feasibility refuse(String message) {
        return new Feasibility(Verdict.REFUSE, message);
    }

    public boolean refused() {
        return verdict == Verdict.REFUSE;
    }

    /** The more serious of the two; messages of equal verdicts are joined. */
    Feasibility and(Feasibility other) {
        if (other.verdict.compareTo(verdict) > 0) {
            return other;
        }
        if (other.verdict.compareTo(verdict) < 0 || other.message.isEmpty()) {
            return this;
        }
        return new Feasibility(verdict, message.isEmpty() ? other.message : message + " " + other.message);
    }
}
