package org.greenlane.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every screening result, kept whole with the rule set that produced it. */
@Repository
public class ScreeningStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ScreeningStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(String applicationId, int revision, ScreeningResult result) {
        jdbc.sql("insert into screening (application_id, revision, screened_at, rule_set_version, rule_set_checksum, "
                        + "worker_count, eligible_count, has_blockers, result) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(applicationId, revision, Timestamp.from(result.screenedAt()), result.ruleSetVersion(),
                        result.ruleSetChecksum(), result.workerCount(), result.eligibleCount(), result.hasBlockers(),
                        write(result))
                .update();
    }

    public Optional<ScreeningResult> latest(String applicationId) {
        return jdbc.sql("select result from screening where application_id = ? order by id desc limit 1")
                .param(applicationId).query(String.class).optional().map(this::read);
    }

    private String write(ScreeningResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ScreeningResult read(String text) {
        try {
            return json.readValue(text, ScreeningResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored screening result cannot be read", e);
        }
    }
}
