package org.greenlane.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * An H2 file database that writes its file once for all the commits waiting at that moment. H2 with WRITE_DELAY=0
 * writes every commit's changed pages on its own, one commit after the other under its store lock: for a
 * 144-worker application ~400 pages (a leaf and its parents in each table and index touched), a quarter of the
 * server's CPU under load. With a write delay, H2 leaves the file to a background thread; through this data
 * source every commit that changed data then waits until a write of the file that began after it has ended, and
 * one write serves every commit waiting for it. A commit is thus in the file before {@code commit()} returns, as
 * with WRITE_DELAY=0, and kill -9 loses nothing acknowledged. Other databases, and H2 without a write delay (it
 * writes at every commit itself), pass through unchanged.
 */
public final class GroupCommit extends DelegatingDataSource {

    private static final Writes PASS_THROUGH = new Writes(null);

    private volatile Writes writes;

    public GroupCommit(DataSource target) {
        super(target);
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
                    MVStore store = delayedFileStore(connection);
                    writes = store == null ? PASS_THROUGH : new Writes(store);
                }
                known = writes;
            }
        }
        return known;
    }

    private static MVStore delayedFileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        Store store = session.getDatabase().getStore();
        if (store == null || store.getMvStore().getFileStore() == null
                || store.getMvStore().getAutoCommitDelay() == 0) {
            return null;
        }
        return store.getMvStore();
    }

    /** The file writes that commits wait for: the first waiting commit writes, the others wait for its write. */
    static final class Writes {

        private final MVStore store;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition written = lock.newCondition();
        /** Commits that have asked to be written, in order; a write covers every one asked before it began. */
        private long asked;
        private long covered;
        private boolean writing;
        private long fileWrites;

        Writes(MVStore store) {
            this.store = store;
        }

        /** Called after a commit that changed data: returns when the commit is in the file. */
        void awaitWritten() throws SQLException {
            CommitWaits.waiting();
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
            long covers = asked;
            boolean done = false;
            writing = true;
            lock.unlock();
            try {
                store.commit();
                if (store.isClosed()) {
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

        /** File writes made for waiting commits so far. */
        long fileWrites() {
            lock.lock();
            try {
                return fileWrites;
            } finally {
                lock.unlock();
            }
        }
    }

    /** File writes made for waiting commits so far; 0 when the database passes through. */
    public long fileWrites() {
        Writes known = writes;
        return known == null || known == PASS_THROUGH ? 0 : known.fileWrites();
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
                    return (Boolean) args[0] && !target.getAutoCommit() ? commitThen(method, args) : call(target, method, args);
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

        private Object autocommitted(Object connection, Statement statement, Class<?> type) {
            Class<?> contract = type == CallableStatement.class ? CallableStatement.class
                    : type == PreparedStatement.class ? PreparedStatement.class : Statement.class;
            return Proxy.newProxyInstance(GroupCommit.class.getClassLoader(), new Class<?>[] {contract},
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
