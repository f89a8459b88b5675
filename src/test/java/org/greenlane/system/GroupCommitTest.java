package org.greenlane.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits through {@link GroupCommit} are in the H2 file when {@code commit()} returns, although H2 itself would
 * write them only after its write delay. A copy of the file taken at that moment is what a kill -9 would leave.
 */
class GroupCommitTest {

    @TempDir
    Path dir;

    private JdbcDataSource h2;
    private GroupCommit groupCommit;
    private Connection keepOpen;

    @BeforeEach
    void openDatabase() throws SQLException {
        h2 = new JdbcDataSource();
        // a write delay longer than the test: whatever reaches the file, GroupCommit wrote
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=600000");
        h2.setUser("sa");
        keepOpen = h2.getConnection();
        groupCommit = new GroupCommit(h2);
        try (Connection connection = groupCommit.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table submission (id int primary key, park varchar(100))");
        }
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        keepOpen.close();
    }

    @Test
    void concurrentTransactionsAndAutocommitStatementsAreInTheFileWhenTheyReturn() throws Exception {
        AtomicInteger ids = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            work.add(threads.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    try (Connection connection = groupCommit.getConnection()) {
                        connection.setAutoCommit(i % 2 == 0);
                        insert(connection, ids.incrementAndGet());
                        insert(connection, ids.incrementAndGet());
                        if (!connection.getAutoCommit()) {
                            connection.commit();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        threads.shutdown();

        assertThat(rowsInACopyOfTheFile()).isEqualTo(320);
        // 240 commits (160 transactions, 80 × 2 autocommit inserts), fewer writes: they shared them
        assertThat(groupCommit.commitsWaited()).isEqualTo(241); // and the table's creation
        assertThat(groupCommit.fileWrites()).isBetween(1L, 200L);
    }

    @Test
    void aWriteWaitsForTheTransactionsAlreadyChangingDataAndServesThemToo() throws Exception {
        // a gather longer than any pause of this test's threads, so that only the order of events decides
        groupCommit = new GroupCommit(h2, Duration.ofSeconds(30));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection open = groupCommit.getConnection()) {
            open.setAutoCommit(false);
            insert(open, 1);
            long waitingBefore = groupCommit.commitsWaited();

            Future<?> autocommitted = thread.submit(() -> {
                try (Connection connection = groupCommit.getConnection()) {
                    insert(connection, 2);
                }
                return null;
            });
            // the autocommitted insert waits for its write, and its write for the open transaction
            await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> groupCommit.commitsWaited() > waitingBefore);
            assertThat(autocommitted).isNotDone();
            open.commit();
            autocommitted.get();

            assertThat(groupCommit.fileWrites()).isOne();
        } finally {
            thread.shutdown();
        }
        assertThat(rowsInACopyOfTheFile()).isEqualTo(2);
    }

    @Test
    void anInterruptedThreadsCommitIsStillInTheFileAndTheThreadStaysInterrupted() throws Exception {
        try (Connection connection = groupCommit.getConnection()) {
            Thread.currentThread().interrupt();
            insert(connection, 1);
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(rowsInACopyOfTheFile()).isEqualTo(1);
    }

    @Test
    void withoutItH2WouldNotHaveWrittenTheCommitYet() throws Exception {
        try (Connection connection = h2.getConnection()) {
            insert(connection, 1);
        }
        assertThat(rowsInACopyOfTheFile()).isZero();

        try (Connection connection = groupCommit.getConnection()) {
            insert(connection, 2);
        }
        assertThat(rowsInACopyOfTheFile()).isEqualTo(2);
    }

    @Test
    void readsDoNotWaitForTheFileAndOnlyACommitWithChangesGivesBackItsTurn() throws Exception {
        AtomicInteger givenBack = new AtomicInteger();
        CommitWaits.giveBackWhileWaiting(givenBack::incrementAndGet);
        try (Connection connection = groupCommit.getConnection()) {
            long writesBefore = groupCommit.fileWrites();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from submission")) {
                rows.next();
            }
            connection.commit();
            connection.setAutoCommit(true);
            assertThat(groupCommit.fileWrites()).isEqualTo(writesBefore);
            assertThat(givenBack).hasValue(0);

            connection.setAutoCommit(false);
            insert(connection, 1);
            // switching autocommit back on commits the transaction
            connection.setAutoCommit(true);
            assertThat(groupCommit.fileWrites()).isEqualTo(writesBefore + 1);
            assertThat(givenBack).hasValue(1);
        } finally {
            CommitWaits.giveBack();
        }
        assertThat(rowsInACopyOfTheFile()).isEqualTo(1);
    }

    @Test
    void otherDatabasesPassThrough() throws SQLException {
        JdbcDataSource inMemory = new JdbcDataSource();
        inMemory.setURL("jdbc:h2:mem:group-commit-test");
        DataSource passing = new GroupCommit(inMemory);
        try (Connection connection = passing.getConnection()) {
            assertThat(connection).isInstanceOf(org.h2.jdbc.JdbcConnection.class);
        }
    }

    private static void insert(Connection connection, int id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into submission values (?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, "Song Khê – Nội Hoàng");
            insert.executeUpdate();
        }
    }

    /** What a crash at this moment would leave: the file as it is, opened as a database of its own. */
    private long rowsInACopyOfTheFile() throws Exception {
        Path copy = Files.createTempDirectory(dir, "copy");
        Files.copy(dir.resolve("db.mv.db"), copy.resolve("db.mv.db"));
        // read-only: a writable open changes the copy's write delay, and H2 2.3.232 can then wait forever for its
        // background writer to stop
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + copy.resolve("db") + ";ACCESS_MODE_DATA=r", "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from submission")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
