package org.greenlane.system;

/**
 * What the current thread gives back while its commit waits for the database file ({@link GroupCommit}): a thread
 * holding one of a few turns for CPU-heavy work lets another thread start meanwhile.
 */
public final class CommitWaits {

    private static final ThreadLocal<Runnable> GIVE_BACK = new ThreadLocal<>();

    private CommitWaits() {
    }

    /** Until {@link #giveBack()}, which the first wait for the file calls, {@code giveBack} is pending. */
    public static void giveBackWhileWaiting(Runnable giveBack) {
        GIVE_BACK.set(giveBack);
    }

    /**
     * Runs the pending give-back, once: when the thread's commit starts waiting for the file, or when its work ends
     * without such a wait.
     */
    public static void giveBack() {
        Runnable giveBack = GIVE_BACK.get();
        if (giveBack != null) {
            GIVE_BACK.remove();
            giveBack.run();
        }
    }
}
