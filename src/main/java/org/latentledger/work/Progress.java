package org.latentledger.work;

/**
 * How long work reports how far it got and learns that it should stop. The UI adapts a
 * JavaFX Task to this; the CLI prints to stderr; tests pass {@link #NONE}.
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param fraction in [0, 1], or negative when unknown */
    void update(double fraction, String message);

    boolean isCancelled();

    /** Throws {@link CancelledException} if the user asked to stop; call between chunks of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
