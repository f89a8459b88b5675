package org.greenlane.timeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened to an application, when and by whom: the enterprise's timeline and the staff's audit trail. */
@Repository
public class Timeline {

    private final JdbcClient jdbc;
    private final Clock clock;

    Timeline(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String applicationId, String type, String actor, String detail) {
        jdbc.sql("insert into application_event (application_id, occurred_at, type, actor, detail) values (?, ?, ?, ?, ?)")
                .params(applicationId, Timestamp.from(clock.instant()), type, actor, detail).update();
    }

    public List<TimelineEvent> of(String applicationId) {
        return jdbc.sql("select occurred_at, type, actor, detail from application_event where application_id = ? "
                        + "order by id")
                .param(applicationId)
                .query((rs, n) -> new TimelineEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }
}
