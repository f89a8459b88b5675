package org.greenlane.permit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.greenlane.screening.Finding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest re-testing check per application, with a finding for each approved worker whose test lapsed. */
@Repository
public class RetestChecks {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    RetestChecks(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(String applicationId, Instant checkedAt, List<Finding> lapsed) {
        String text;
        try {
            text = json.writeValueAsString(lapsed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int updated = jdbc.sql("update retest_check set checked_at = ?, lapsed = ? where application_id = ?")
                .params(Timestamp.from(checkedAt), text, applicationId).update();
        if (updated == 0) {
            jdbc.sql("insert into retest_check (application_id, checked_at, lapsed) values (?, ?, ?)")
                    .params(applicationId, Timestamp.from(checkedAt), text).update();
        }
    }

    public Optional<RetestCheck> of(String applicationId) {
        return jdbc.sql("select checked_at, lapsed from retest_check where application_id = ?").param(applicationId)
                .query((rs, n) -> new RetestCheck(rs.getTimestamp(1).toInstant(), read(rs.getString(2))))
                .optional();
    }

    private List<Finding> read(String text) {
        try {
            return json.readValue(text, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param lapsed R-RETEST-LAPSED findings, one per worker (subject = citizen id) */
    public record RetestCheck(Instant checkedAt, List<Finding> lapsed) {
    }
}
