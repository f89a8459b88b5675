package org.greenlane.permit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.system.Checksum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Restart permits: one per approved application, numbered BG-year-sequence, with the signed tokens of its latest
 * issue (the permit's and one pass per shuttle).
 */
@Repository
public class Permits {

    private static final TypeReference<List<ShuttlePass>> PASSES = new TypeReference<>() { };
    private static final String COLUMNS = "number, approved_workers, issued_at, serial, valid_from, valid_until, "
            + "rule_set_version, token, shuttle_passes";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Permits(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The permit's row and number; its tokens come with its first issue ({@link PermitIssuer}). */
    String create(String applicationId, int approvedWorkers, Instant issuedAt, ZoneId zone) {
        jdbc.sql("insert into permit (application_id, approved_workers, issued_at) values (?, ?, ?)")
                .params(applicationId, approvedWorkers, Timestamp.from(issuedAt)).update();
        long sequence = jdbc.sql("select id from permit where application_id = ?").param(applicationId)
                .query(Long.class).single();
        String number = String.format("BG-%d-%06d", issuedAt.atZone(zone).getYear(), sequence);
        jdbc.sql("update permit set number = ? where application_id = ?").params(number, applicationId).update();
        return number;
    }

    void setApprovedWorkers(String applicationId, int approvedWorkers) {
        jdbc.sql("update permit set approved_workers = ? where application_id = ?").params(approvedWorkers, applicationId)
                .update();
    }

    /** Keeps a new issue's tokens, and their digests beside earlier issues': those are replaced from now on. */
    void saveIssue(String applicationId, int serial, Instant validFrom, Instant validUntil, String ruleSetVersion,
                   String token, List<ShuttlePass> passes) {
        jdbc.sql("update permit set serial = ?, valid_from = ?, valid_until = ?, rule_set_version = ?, token = ?, "
                        + "shuttle_passes = ? where application_id = ?")
                .params(serial, Timestamp.from(validFrom), Timestamp.from(validUntil), ruleSetVersion, token,
                        write(passes), applicationId)
                .update();
        Stream.concat(Stream.of(token), passes.stream().map(ShuttlePass::token)).forEach(issued -> jdbc.sql(
                        "insert into permit_token (digest, permit_id, serial) "
                                + "select ?, id, ? from permit where application_id = ?")
                .params(digest(issued), serial, applicationId).update());
    }

    public Optional<Permit> of(String applicationId) {
        return jdbc.sql("select " + COLUMNS + " from permit where application_id = ?").param(applicationId)
                .query(this::row).optional();
    }

    /** The permit's count alone, without reading its tokens. */
    public Optional<Integer> approvedWorkers(String applicationId) {
        return jdbc.sql("select approved_workers from permit where application_id = ?").param(applicationId)
                .query(Integer.class).optional();
    }

    /** What a checkpoint asks of a token: empty unless it was issued here; else its issue and its permit's now. */
    public Optional<Standing> standing(String token) {
        return jdbc.sql("select t.serial, p.serial, a.status from permit_token t join permit p on p.id = t.permit_id "
                        + "join application a on a.id = p.application_id where t.digest = ?").param(digest(token))
                .query((rs, n) -> new Standing(rs.getInt(1), rs.getInt(2), ApplicationStatus.valueOf(rs.getString(3))))
                .optional();
    }

    private static String digest(String token) {
        return Checksum.sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Permits issued before they were tokens: their first issue is still to be made. */
    List<String> withoutTokens() {
        return jdbc.sql("select application_id from permit where serial = 0 order by id").query(String.class).list();
    }

    private Permit row(ResultSet rs, int n) throws SQLException {
        String passes = rs.getString(9);
        return new Permit(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getString(7), rs.getString(8),
                passes == null ? List.of() : read(passes));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String write(List<ShuttlePass> passes) {
        try {
            return json.writeValueAsString(passes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ShuttlePass> read(String passes) {
        try {
            return json.readValue(passes, PASSES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param issuedAt   when the permit was first issued
     * @param serial     its latest issue, 0 until its first; tokens of an earlier serial are replaced
     * @param validFrom  when the latest issue was made
     * @param validUntil when the latest issue's tokens expire: the rule set's re-test interval after it was made
     * @param token      the permit's token of the latest issue
     */
    public record Permit(String number, int approvedWorkers, Instant issuedAt, int serial, Instant validFrom,
                         Instant validUntil, String ruleSetVersion, String token, List<ShuttlePass> shuttlePasses) {
    }

    /** One shuttle's pass of the latest issue, for its driver to show at checkpoints. */
    public record ShuttlePass(String shuttleId, String plate, String driver, int seats, String token) {
    }

    /** @param serial the token's issue; @param latestSerial the permit's latest issue */
    public record Standing(int serial, int latestSerial, ApplicationStatus status) {
    }
}
