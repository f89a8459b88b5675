package org.greenlane.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail: account and rule changes here, joined with every application's timeline when read. */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.sql("insert into audit_event (occurred_at, actor, action, subject, detail) values (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor, action, subject, detail).update();
    }

    /** Newest first: account and rule changes, and every application's events (subject = application id). */
    List<AuditEntry> page(int page, int size) {
        // The source and id break ties of time, so that pages neither skip nor repeat an entry.
        return jdbc.sql("select occurred_at, actor, action, subject, detail from ("
                        + " select occurred_at, actor, action, subject, detail, 1 as source, id from audit_event"
                        + " union all"
                        + " select occurred_at, actor, type, application_id, detail, 2, id from application_event) events"
                        + " order by occurred_at desc, source, id desc limit :size offset :offset")
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    record AuditEntry(Instant at, String actor, String action, String subject, String detail) {
    }
}
