package org.greenlane.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Overdue review tasks raised to the steering committee; one per task, open until the group decides. */
@Repository
class Escalations {

    private final JdbcClient jdbc;

    Escalations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises the task once; false if it was raised already. */
    boolean raise(String applicationId, String taskId, String group, Instant dueAt, Instant now) {
        boolean raised = jdbc.sql("select count(*) from escalation where task_id = ?").param(taskId)
                .query(Integer.class).single() > 0;
        if (raised) {
            return false;
        }
        jdbc.sql("insert into escalation (application_id, task_id, group_name, due_at, raised_at) values (?, ?, ?, ?, ?)")
                .params(applicationId, taskId, group, Timestamp.from(dueAt), Timestamp.from(now)).update();
        return true;
    }

    void resolve(String taskId, Instant now) {
        jdbc.sql("update escalation set resolved_at = ? where task_id = ? and resolved_at is null")
                .params(Timestamp.from(now), taskId).update();
    }

    List<Escalation> open() {
        return jdbc.sql("select e.application_id, a.enterprise_name, a.industrial_park, e.group_name, e.due_at, "
                        + "e.raised_at from escalation e join application a on a.id = e.application_id "
                        + "where e.resolved_at is null order by e.due_at, e.id")
                .query((rs, n) -> new Escalation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
                .list();
    }

    record Escalation(String applicationId, String enterpriseName, String industrialPark, String group,
                      Instant dueAt, Instant raisedAt) {
    }
}
