package org.greenlane.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each group's decision per review round, and the steering committee's. */
@Repository
public class ReviewStore {

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String applicationId, int round, String group, String decision, String comment, String decidedBy,
                Instant decidedAt) {
        jdbc.sql("insert into review (application_id, round, group_name, decision, comment, decided_by, decided_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(applicationId, round, group, decision, comment, decidedBy, Timestamp.from(decidedAt)).update();
    }

    public List<Review> ofRound(String applicationId, int round) {
        return jdbc.sql("select group_name, decision, comment, decided_by, decided_at from review "
                        + "where application_id = ? and round = ? order by id")
                .params(applicationId, round)
                .query((rs, n) -> new Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public record Review(String group, String decision, String comment, String decidedBy, Instant decidedAt) {
    }
}
