package org.greenlane.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * An H2 file database that writes its file once for several commits. H2 with WRITE_DELAY=0 writes every commit's
 * changed pages on its own, one commit after the other under its store lock: for a 144-worker application ~400
 * pages (a leaf and its parents in each table and index touched), a quarter of the server's CPU under load. With a
 * write delay, H2 leaves the file to a background thread; through this data source every commit that changed data
 * then waits until a write of the file that began after it has ended, and one write serves every commit waiting for
 * it ({@link Writes}). A commit is thus in the file before {@code commit()} returns, as with WRITE_DELAY=0, and
 * kill -9 loses nothing acknowledged. Other databases, and H2 without a write delay (it writes at every commit
 * itself), pass through unchanged.
 */
public final class GroupCommit extends DelegatingDataSource {

    /** How long the first waiting commit waits at most for the transactions changing data ({@link Writes}). */
    private static final Duration GATHER = Duration.ofMillis(50);
    private static final Writes PASS_THROUGH = new Writes(null, GATHER);

    private final Duration gather;
    private volatile Writes writes;

    public GroupCommit(DataSource target) {
        this(target, GATHER);
    }

    GroupCommit(DataSource target, Duration gather) {
        super(target);
        this.gather = gather;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return track(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return track(obtainTargetDataSource().getConnection(username, password));
    }

    private Connection track(Connection connection) throws SQLException {
        Writes fileWrites = writesOf(connection);
        if (fileWrites == PASS_THROUGH) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(GroupCommit.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new TrackedConnection(connection, fileWrites));
    }

    /** Decided on the first connection: whether this is an H2 file database that writes its file in the background. */
    private Writes writesOf(Connection connection) throws SQLException {
        Writes known = writes;
        if (known == null) {
            synchronized (this) {
                if (writes == null) {
                    Store store = delayedFileStore(connection);
                    writes = store == null ? PASS_THROUGH : new Writes(store, gather);
                }
                known = writes;
            }
        }
        return known;
    }

    private static Store delayedFileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        Store store = session.getDatabase().getStore();
        if (store == null || store.getMvStore().getFileStore() == null
                || store.getMvStore().getAutoCommitDelay() == 0) {
            return null;
        }
        return store;
    }

    /**
     * The file writes that commits wait for. The first waiting commit writes and the others wait for its write;
     * before it begins, it lets the transactions that were already changing data end (at most 50 ms), so
     * that the write serves them too. Measured on the intake benchmark: without that wait 983 commits took 963
     * writes, one transaction rarely ends while another's write runs; with it 511–615 (3 or 10 ms of plain waiting
     * instead: 877 and 825; a limit of 100 ms instead of 50 bought no more).
     */
    static final class Writes {

        private static final long POLL = TimeUnit.MICROSECONDS.toNanos(200);

        private final MVStore file;
        private final TransactionStore transactions;
        private final long gatherNanos;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition written = lock.newCondition();
        /** Commits that have asked to be written, in order; a write covers every one asked before it began. */
        private volatile long asked;
        private long covered;
        private boolean writing;
        private volatile long fileWrites;

        Writes(Store store, Duration gather) {
            this.file = store == null ? null : store.getMvStore();
            this.transactions = store == null ? null : store.getTransactionStore();
            this.gatherNanos = gather.toNanos();
        }

        /** Called after a commit that changed data: returns when the commit is in the file. */
        void awaitWritten() throws SQLException {
            CommitWaits.giveBack();
            lock.lock();
            try {
                long ticket = ++asked;
                while (covered < ticket) {
                    if (writing) {
                        written.awaitUninterruptibly();
                        continue;
                    }
                    writeFile();
                }
            } finally {
                lock.unlock();
            }
        }

        private void writeFile() throws SQLException {
            writing = true;
            boolean done = false;
            long covers = 0;
            lock.unlock();
            try {
                awaitTransactionsChangingData();
                lock.lock();
                covers = asked;
                lock.unlock();
                writeUninterrupted();
                if (file.isClosed()) {
                    throw new SQLException("The database closed before the commit was written to its file");
                }
                done = true;
            } finally {
                lock.lock();
                writing = false;
                if (done) {
                    covered = covers;
                    fileWrites++;
                }
                written.signalAll();
            }
        }

        /**
         * H2 hands the write to its own threads and stops waiting for them when this thread is interrupted: then it
         * waits for them again, until a wait was not interrupted.
         */
        private void writeUninterrupted() {
            boolean interrupted = Thread.interrupted();
            file.commit();
            while (Thread.interrupted()) {
                interrupted = true;
                file.getFileStore().executeFileStoreOperation(() -> { });
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Until the transactions changing data now have committed and asked to be written, or the gather's end. */
        private void awaitTransactionsChangingData() {
            List<Transaction> changing = new ArrayList<>();
            for (Transaction transaction : transactions.getOpenTransactions()) {
                if (transaction.hasChanges() && transaction.getStatus() == Transaction.STATUS_OPEN) {
                    changing.add(transaction);
                }
            }
            long expected = asked + changing.size();
            long deadline = System.nanoTime() + gatherNanos;
            while ((!changing.isEmpty() || asked < expected) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(POLL);
                changing.removeIf(transaction -> transaction.getStatus() != Transaction.STATUS_OPEN);
            }
        }

        long fileWrites() {
            return fileWrites;
        }

        long commitsWaited() {
            return asked;
        }
    }

    /** Writes of the file made for waiting commits so far; 0 when the database passes through. */
    public long fileWrites() {
        Writes known = writes;
        return known == null ? 0 : known.fileWrites();
    }

    /** Commits that waited for the file so far; 0 when the database passes through. */
    public long commitsWaited() {
        Writes known = writes;
        return known == null ? 0 : known.commitsWaited();
    }

    /**
     * Waits after each commit that changed data; a statement run in autocommit mode is a commit of its own when it
     * can change data.
     */
    private static final class TrackedConnection implements InvocationHandler {

        private final Connection target;
        private final Writes writes;

        TrackedConnection(Connection target, Writes writes) {
            this.target = target;
            this.writes = writes;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "commit":
                    return commitThen(method, args);
                case "setAutoCommit":
                    // switching autocommit on commits the open transaction (JDBC)
                    return (Boolean) args[0] && !target.getAutoCommit() ? commitThen(method, args)
                            : call(target, method, args);
                case "createStatement", "prepareStatement", "prepareCall":
                    Object statement = call(target, method, args);
                    return target.getAutoCommit() ? autocommitted(proxy, (Statement) statement, method.getReturnType())
                            : statement;
                default:
                    return call(target, method, args);
            }
        }

        private Object commitThen(Method method, Object[] args) throws Throwable {
            boolean changed = ((SessionLocal) target.unwrap(JdbcConnection.class).getSession()).hasPendingTransaction();
            Object result = call(target, method, args);
            if (changed) {
                writes.awaitWritten();
            }
            return result;
        }

        /** @param type the creating method's return type: Statement, PreparedStatement or CallableStatement */
        private Object autocommitted(Object connection, Statement statement, Class<?> type) {
            return Proxy.newProxyInstance(GroupCommit.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "getConnection" -> connection;
                        default -> {
                            Object result = call(statement, method, args);
                            if (mayHaveChanged(method, result) && target.getAutoCommit()) {
                                writes.awaitWritten();
                            }
                            yield result;
                        }
                    });
        }

        private static boolean mayHaveChanged(Method method, Object result) {
            return switch (method.getName()) {
                case "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch" -> true;
                case "execute" -> Boolean.FALSE.equals(result);
                default -> false;
            };
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
