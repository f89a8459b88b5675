package org.greenlane.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.greenlane.application.ApplicationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every screening result, kept whole with the rule set that produced it. */
@Repository
public class ScreeningStore {

    private static final String LATEST_VERSION = "select s.rule_set_version from screening s "
            + "where s.application_id = a.id order by s.id desc limit 1";

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

    /** The live applications whose latest screening is not under this version, in id order. */
    public List<String> liveNotScreenedUnder(String version) {
        return jdbc.sql("select a.id from application a where a.status in (:live) and "
                        + "coalesce((" + LATEST_VERSION + "), '') <> :version order by a.id")
                .param("live", ApplicationStatus.names(ApplicationStatus.LIVE)).param("version", version)
                .query(String.class).list();
    }

    /** The rule set version of the application's latest screening, without reading the screening. */
    public Optional<String> latestVersion(String applicationId) {
        return jdbc.sql("select rule_set_version from screening where application_id = ? order by id desc limit 1")
                .param(applicationId).query(String.class).optional();
    }

    /** How many live applications there are, and how many of them were last screened under this version. */
    public Progress progressTowards(String version) {
        return jdbc.sql("select count(*), sum(case when (" + LATEST_VERSION + ") = :version then 1 else 0 end) "
                        + "from application a where a.status in (:live)")
                .param("live", ApplicationStatus.names(ApplicationStatus.LIVE)).param("version", version)
                .query((rs, n) -> new Progress(version, rs.getInt(1), rs.getInt(2))).single();
    }

    /** @param current the live applications whose latest screening is under {@code version} */
    public record Progress(String version, int live, int current) {
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
