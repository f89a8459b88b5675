package org.greenlane.infection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Infection cases of approved applications, with their contact-tracing lists. */
@Repository
public class InfectionCases {

    private static final TypeReference<List<Person>> PEOPLE = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    InfectionCases(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void report(String applicationId, String reportedBy, LocalDate detectedOn, List<Person> infected,
                List<Person> contacts, String note, Instant now) {
        jdbc.sql("insert into incident (application_id, reported_at, reported_by, detected_on, infected, contacts, note) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(applicationId, Timestamp.from(now), reportedBy, Date.valueOf(detectedOn), write(infected),
                        write(contacts), note)
                .update();
    }

    /** The open case of an application: the one its health task decides. */
    Optional<InfectionCase> open(String applicationId) {
        return of(applicationId).stream().filter(found -> found.resolution() == null).reduce((a, b) -> b);
    }

    /** The open case takes in more infected workers and contacts; each person is listed once. */
    void addToOpen(String applicationId, List<Person> infected, List<Person> contacts) {
        InfectionCase open = open(applicationId).orElseThrow();
        List<Person> allInfected = merged(open.infected(), infected);
        Set<String> infectedIds = allInfected.stream().map(Person::citizenId).collect(Collectors.toSet());
        List<Person> allContacts = merged(open.contactTracing(), contacts).stream()
                .filter(person -> !infectedIds.contains(person.citizenId())).toList();
        jdbc.sql("update incident set infected = ?, contacts = ? where application_id = ? and resolution is null")
                .params(write(allInfected), write(allContacts), applicationId).update();
    }

    private static List<Person> merged(List<Person> known, List<Person> more) {
        Map<String, Person> byId = new LinkedHashMap<>();
        known.forEach(person -> byId.put(person.citizenId(), person));
        more.forEach(person -> byId.putIfAbsent(person.citizenId(), person));
        return List.copyOf(byId.values());
    }

    void resolve(String applicationId, String resolution, String resolvedBy, Instant now) {
        jdbc.sql("update incident set resolution = ?, resolved_by = ?, resolved_at = ? "
                        + "where application_id = ? and resolution is null")
                .params(resolution, resolvedBy, Timestamp.from(now), applicationId).update();
    }

    public List<InfectionCase> of(String applicationId) {
        return jdbc.sql("select reported_at, reported_by, detected_on, infected, contacts, note, resolution, "
                        + "resolved_by, resolved_at from incident where application_id = ? order by id")
                .param(applicationId)
                .query((rs, n) -> new InfectionCase(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getDate(3).toLocalDate(), read(rs.getString(4)), read(rs.getString(5)), rs.getString(6),
                        rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .list();
    }

    private String write(List<Person> people) {
        try {
            return json.writeValueAsString(people);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Person> read(String text) {
        try {
            return json.readValue(text, PEOPLE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Person(String citizenId, String fullName, String reason) {
    }

    /** @param resolution null while open, then RESUME or REVOKE */
    public record InfectionCase(Instant reportedAt, String reportedBy, LocalDate detectedOn, List<Person> infected,
                                List<Person> contactTracing, String note, String resolution, String resolvedBy,
                                Instant resolvedAt) {

        /** Everyone the case isolates: the infected workers and their close contacts. */
        public Set<String> isolated() {
            Set<String> ids = new LinkedHashSet<>();
            infected.forEach(person -> ids.add(person.citizenId()));
            contactTracing.forEach(person -> ids.add(person.citizenId()));
            ids.removeIf(Objects::isNull);
            return ids;
        }
    }
}
