package org.greenlane.permit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Restart permits: one per approved application, numbered BG-year-sequence. */
@Repository
public class Permits {

    private final JdbcClient jdbc;

    Permits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Permit issue(String applicationId, int approvedWorkers, Instant issuedAt, ZoneId zone) {
        jdbc.sql("insert into permit (application_id, approved_workers, issued_at) values (?, ?, ?)")
                .params(applicationId, approvedWorkers, Timestamp.from(issuedAt)).update();
        long sequence = jdbc.sql("select id from permit where application_id = ?").param(applicationId)
                .query(Long.class).single();
        String number = String.format("BG-%d-%06d", issuedAt.atZone(zone).getYear(), sequence);
        jdbc.sql("update permit set number = ? where application_id = ?").params(number, applicationId).update();
        return new Permit(number, approvedWorkers, issuedAt);
    }

    public void setApprovedWorkers(String applicationId, int approvedWorkers) {
        jdbc.sql("update permit set approved_workers = ? where application_id = ?").params(approvedWorkers, applicationId)
                .update();
    }

    public Optional<Permit> of(String applicationId) {
        return jdbc.sql("select number, approved_workers, issued_at from permit where application_id = ?")
                .param(applicationId)
                .query((rs, n) -> new Permit(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    public record Permit(String number, int approvedWorkers, Instant issuedAt) {
    }
}
