package org.greenlane.system;

/**
 * What the current thread gives back while its commit waits for the database file ({@link GroupCommit}): a thread
 * holding one of a few turns for CPU-heavy work lets another thread start meanwhile.
 */
public final class CommitWaits {

    private static final ThreadLocal<Runnable> GIVE_BACK = new ThreadLocal<>();

    private CommitWaits() {
    }

    /** Until {@link #clear()}, the first wait for the file runs {@code giveBack}. */
    public static void giveBackWhileWaiting(Runnable giveBack) {
        GIVE_BACK.set(giveBack);
    }

    public static void clear() {
        GIVE_BACK.remove();
    }

    /** The current thread's commit now waits for the file. */
    public static void waiting() {
        Runnable giveBack = GIVE_BACK.get();
        if (giveBack != null) {
            GIVE_BACK.remove();
            giveBack.run();
        }
    }
}
