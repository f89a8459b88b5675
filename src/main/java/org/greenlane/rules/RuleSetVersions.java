package org.greenlane.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.greenlane.system.Checksum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Every rule set that was active, kept whole, and the log of activations: the latest one is the active set. */
@Repository
class RuleSetVersions {

    private final JdbcClient jdbc;

    RuleSetVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version holding exactly these files, made if it is new, then activated. */
    @Transactional
    Activation activate(SortedMap<String, byte[]> files, String checksum, String actor, String comment, Instant now) {
        int version = findByChecksum(checksum).orElseGet(() -> create(files, checksum, actor, comment, now));
        jdbc.sql("insert into rule_set_activation (version, activated_at, activated_by, comment) values (?, ?, ?, ?)")
                .params(version, Timestamp.from(now), actor, comment).update();
        return new Activation(version, checksum, now, actor, comment);
    }

    private Optional<Integer> findByChecksum(String checksum) {
        return jdbc.sql("select version from rule_set_version where checksum = ?").param(checksum)
                .query(Integer.class).optional();
    }

    private int create(SortedMap<String, byte[]> files, String checksum, String actor, String comment, Instant now) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from rule_set_version").query(Integer.class)
                .single();
        jdbc.sql("insert into rule_set_version (version, checksum, created_at, created_by, comment) "
                        + "values (?, ?, ?, ?, ?)")
                .params(version, checksum, Timestamp.from(now), actor, comment).update();
        files.forEach((name, content) -> jdbc.sql("insert into rule_set_file (version, name, checksum, content_base64) "
                        + "values (?, ?, ?, ?)")
                .params(version, name, Checksum.sha256(content),
                        Base64.getEncoder().encodeToString(content))
                .update());
        return version;
    }

    Optional<Activation> latestActivation() {
        return jdbc.sql("select a.version, v.checksum, a.activated_at, a.activated_by, a.comment "
                        + "from rule_set_activation a join rule_set_version v on v.version = a.version "
                        + "order by a.id desc limit 1")
                .query((rs, n) -> new Activation(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    List<VersionSummary> list() {
        return jdbc.sql("select v.version, v.checksum, v.created_at, v.created_by, v.comment, "
                        + "(select max(a.activated_at) from rule_set_activation a where a.version = v.version) "
                        + "from rule_set_version v order by v.version desc")
                .query((rs, n) -> new VersionSummary(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        files(rs.getInt(1)).keySet().stream().toList()))
                .list();
    }

    /** A version's files, by name. */
    SortedMap<String, byte[]> files(int version) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        jdbc.sql("select name, content_base64 from rule_set_file where version = ?").param(version)
                .query((rs, n) -> files.put(rs.getString(1), Base64.getDecoder().decode(rs.getString(2)))).list();
        return files;
    }

    record Activation(int version, String checksum, Instant activatedAt, String activatedBy, String comment) {
    }

    record VersionSummary(int version, String checksum, Instant createdAt, String createdBy, String comment,
                          Instant lastActivatedAt, List<String> files) {
    }
}
