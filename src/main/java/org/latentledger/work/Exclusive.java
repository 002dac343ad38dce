package org.latentledger.work;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Something mutable that one thread at a time may use: a loaded network (DL4J layers keep their
 * last input and mini-batch size) or the sparse network built on its layers (it fills its
 * routers lazily). The value is reachable only through {@link #use} and {@link #tryUse}, so
 * "one thread at a time" holds by construction rather than by convention. Values built on the
 * same native state {@link #share} one lock.
 *
 * <p>The UI thread never waits: it calls {@link #tryUse} and, when a job holds the lock, does
 * the work again once that job has returned. Jobs call {@link #use}, which waits.
 */
public final class Exclusive<T> {

    /** Work on the guarded value that may throw. */
    @FunctionalInterface
    public interface Use<T, R> {
        R apply(T value) throws Exception;
    }

    private final T value;
    private final ReentrantLock lock;

    private Exclusive(T value, ReentrantLock lock) {
        this.value = value;
        this.lock = lock;
    }

    /** Guards a value with a lock of its own. */
    public static <T> Exclusive<T> of(T value) {
        return new Exclusive<>(value, new ReentrantLock());
    }

    /** Guards another value with this one's lock (it shares state with this one). */
    public <U> Exclusive<U> share(U other) {
        return new Exclusive<>(other, lock);
    }

    /** Uses the value, waiting while another thread uses it or anything sharing its lock. */
    public <R> R use(Use<T, R> work) throws Exception {
        lock.lock();
        try {
            return work.apply(value);
        } finally {
            lock.unlock();
        }
    }

    /** Uses the value if no other thread does now; returns false (and does nothing) otherwise. */
    public boolean tryUse(Consumer<T> work) {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            work.accept(value);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** True while some thread (not necessarily this one) uses the value. */
    public boolean inUse() {
        return lock.isLocked();
    }
}
