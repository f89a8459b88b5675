package org.greenlane.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.greenlane.system.Keys;
import org.greenlane.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The application table and its lodging sites. */
@Repository
public class ApplicationStore {

    private static final String COLUMNS = "id, tax_code, enterprise_name, industrial_park, status, revision, "
            + "review_round, worker_count, submitted_at, updated_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ApplicationStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param documentJson the document as {@link #json} writes it, which the caller hashed */
    public void insert(String id, ApplicationDocument document, String documentJson, String idempotencyKey,
                String requestHash, Instant now) {
        var enterprise = document.enterprise();
        jdbc.sql("insert into application (id, tax_code, enterprise_name, industrial_park, status, revision, "
                        + "review_round, worker_count, document, idempotency_key, request_hash, submitted_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, 1, 0, ?, ?, ?, ?, ?, ?)")
                .params(id, enterprise.taxCode(), enterprise.name(), enterprise.industrialPark(),
                        ApplicationStatus.SCREENING.name(), document.workers().size(), documentJson, idempotencyKey,
                        requestHash, Timestamp.from(now), Timestamp.from(now))
                .update();
        replaceSites(id, document);
    }

    public void replaceDocument(String id, ApplicationDocument document, Instant now) {
        var enterprise = document.enterprise();
        jdbc.sql("update application set enterprise_name = ?, industrial_park = ?, worker_count = ?, document = ?, "
                        + "revision = revision + 1, status = ?, updated_at = ? where id = ?")
                .params(enterprise.name(), enterprise.industrialPark(), document.workers().size(), json(document),
                        ApplicationStatus.SCREENING.name(), Timestamp.from(now), id)
                .update();
        replaceSites(id, document);
    }

    /** New test results of an approved application: the document changes, its revision and status do not. */
    public void replaceRoster(String id, ApplicationDocument document) {
        jdbc.sql("update application set document = ? where id = ?").params(json(document), id).update();
    }

    private void replaceSites(String id, ApplicationDocument document) {
        jdbc.sql("delete from accommodation_site where application_id = ?").param(id).update();
        Set<String> keys = document.accommodations().stream().map(a -> Keys.of(a.address()))
                .collect(Collectors.toSet());
        for (String key : keys) {
            jdbc.sql("insert into accommodation_site (application_id, address_key, tax_code) values (?, ?, ?)")
                    .params(id, key, document.enterprise().taxCode()).update();
        }
    }

    public Optional<StoredApplication> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from application where id = ?").param(id)
                .query(ApplicationStore::row).optional();
    }

    public StoredApplication get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("No application with id " + id));
    }

    /** Locks the row until the transaction ends, so that two corrections of one application queue up. */
    public StoredApplication lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from application where id = ? for update").param(id)
                .query(ApplicationStore::row).optional()
                .orElseThrow(() -> new NotFoundException("No application with id " + id));
    }

    public Optional<Replay> findByIdempotencyKey(String taxCode, String key) {
        return jdbc.sql("select id, request_hash from application where tax_code = ? and idempotency_key = ?")
                .params(taxCode, key)
                .query((rs, n) -> new Replay(rs.getString("id"), rs.getString("request_hash"))).optional();
    }

    public record Replay(String applicationId, String requestHash) {
    }

    public ApplicationDocument document(String id) {
        return read(jdbc.sql("select document from application where id = ?").param(id).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("No application with id " + id)), id);
    }

    private ApplicationDocument read(String text, String id) {
        try {
            return json.readValue(text, ApplicationDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored application " + id + " cannot be read", e);
        }
    }

    public void setStatus(String id, ApplicationStatus status, Instant now) {
        jdbc.sql("update application set status = ?, updated_at = ? where id = ?")
                .params(status.name(), Timestamp.from(now), id).update();
    }

    /** Moves the application under review and opens a new review round. */
    public void startReviewRound(String id, Instant now) {
        jdbc.sql("update application set status = ?, review_round = review_round + 1, updated_at = ? where id = ?")
                .params(ApplicationStatus.UNDER_REVIEW.name(), Timestamp.from(now), id).update();
    }

    /**
     * Per lodging address key, how many other enterprises' applications holding a site use it.
     */
    public Map<String, Integer> otherEnterprisesAt(Collection<String> addressKeys, String taxCode) {
        Map<String, Integer> counts = new HashMap<>();
        if (addressKeys.isEmpty()) {
            return counts;
        }
        List<String> holding = ApplicationStatus.names(ApplicationStatus.HOLDING_SITES);
        jdbc.sql("select s.address_key, count(distinct s.tax_code) from accommodation_site s "
                        + "join application a on a.id = s.application_id "
                        + "where s.address_key in (:keys) and s.tax_code <> :taxCode and a.status in (:statuses) "
                        + "group by s.address_key")
                .param("keys", addressKeys).param("taxCode", taxCode).param("statuses", holding)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    public long count(ApplicationStatus status) {
        return jdbc.sql("select count(*) from application where status = ?").param(status.name())
                .query(Long.class).single();
    }

    /** A page of applications, newest change first; with a tax code, only that enterprise's. */
    public Page<StoredApplication> list(ApplicationStatus status, String taxCode, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (taxCode != null) {
            where.append(" and tax_code = :taxCode");
            params.put("taxCode", taxCode);
        }
        long total = jdbc.sql("select count(*) from application" + where).params(params).query(Long.class).single();
        List<StoredApplication> content = jdbc.sql("select " + COLUMNS + " from application" + where
                        + " order by updated_at desc, id limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) page * size)
                .query(ApplicationStore::row).list();
        return new Page<>(content, page, size, total);
    }

    /** A stored application with its document. */
    public record WithDocument(StoredApplication application, ApplicationDocument document) {
    }

    /** The live applications' ids in id order: a caller then reads their documents a few at a time. */
    public List<String> liveIds() {
        return jdbc.sql("select id from application where status in (:live) order by id")
                .param("live", ApplicationStatus.names(ApplicationStatus.LIVE)).query(String.class).list();
    }

    /** These applications with their documents, by their ids (the unknown left out). */
    public List<WithDocument> withDocuments(List<String> ids) {
        return jdbc.sql("select " + COLUMNS + ", document from application where id in (:ids) order by id")
                .param("ids", ids)
                .query((rs, n) -> new WithDocument(row(rs, n), read(rs.getString("document"), rs.getString("id"))))
                .list();
    }

    /** One page of a listing. */
    public record Page<T>(List<T> content, int page, int size, long totalElements) {
    }

    /** The document as this store keeps it. */
    public String json(ApplicationDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredApplication row(ResultSet rs, int n) throws SQLException {
        return new StoredApplication(rs.getString("id"), rs.getString("tax_code"), rs.getString("enterprise_name"),
                rs.getString("industrial_park"), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getInt("revision"), rs.getInt("review_round"), rs.getInt("worker_count"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
