package org.greenlane.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.greenlane.system.GreenlaneProperties;
import org.greenlane.system.Keys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Approved enterprises and workers per day and in total, for the province and per park, against its targets. Only
 * a permit whose application is approved now counts, not a suspended or revoked one; a reduced one counts with its
 * current worker count.
 */
@Component
class ProgressReport {

    private final JdbcClient jdbc;
    private final ReportingProperties properties;
    private final ZoneId zone;
    private final Clock clock;

    ProgressReport(JdbcClient jdbc, ReportingProperties properties, GreenlaneProperties greenlane, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.zone = greenlane.zone();
        this.clock = clock;
    }

    Progress progress() {
        List<Permit> permits = jdbc.sql("select p.issued_at, p.approved_workers, a.industrial_park from permit p "
                        + "join application a on a.id = p.application_id where a.status = 'APPROVED' order by p.issued_at")
                .query((rs, n) -> new Permit(rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate(), rs.getInt(2),
                        rs.getString(3)))
                .list();
        List<Day> province = days(permits);
        Map<String, List<Permit>> byPark = permits.stream().collect(Collectors.groupingBy(p -> Keys.of(p.park()),
                TreeMap::new, Collectors.toList()));
        List<Park> parks = byPark.values().stream()
                .map(own -> new Park(mostCommonName(own), own.size(),
                        own.stream().mapToInt(Permit::workers).sum(), days(own)))
                .sorted(Comparator.comparing(Park::workers).reversed())
                .toList();
        int workers = permits.stream().mapToInt(Permit::workers).sum();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<TargetProgress> targets = properties.targets().stream()
                .map(target -> progressOn(target, province, today))
                .toList();
        return new Progress(today, permits.size(), workers, province, parks, targets);
    }

    private static List<Day> days(List<Permit> permits) {
        Map<LocalDate, List<Permit>> byDay = permits.stream().collect(Collectors.groupingBy(Permit::day,
                TreeMap::new, Collectors.toList()));
        List<Day> days = new ArrayList<>();
        int enterprises = 0;
        int workers = 0;
        for (var day : byDay.entrySet()) {
            int dayWorkers = day.getValue().stream().mapToInt(Permit::workers).sum();
            enterprises += day.getValue().size();
            workers += dayWorkers;
            days.add(new Day(day.getKey(), day.getValue().size(), dayWorkers, enterprises, workers));
        }
        return days;
    }

    private static TargetProgress progressOn(ReportingProperties.Target target, List<Day> province, LocalDate today) {
        int reached = province.stream().filter(day -> !day.date().isAfter(target.by()))
                .mapToInt(Day::cumulativeWorkers).max().orElse(0);
        boolean met = target.strictlyAbove() ? reached > target.workers() : reached >= target.workers();
        String state = met ? "MET" : today.isAfter(target.by()) ? "MISSED" : "OPEN";
        return new TargetProgress(target.by(), target.workers(), target.strictlyAbove(), target.descriptionVi(),
                target.descriptionEn(), reached, state);
    }

    /** Parks are typed in many ways; the dashboard shows the spelling most applications used. */
    private static String mostCommonName(List<Permit> permits) {
        return permits.stream().collect(Collectors.groupingBy(Permit::park, LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
    }

    private record Permit(LocalDate day, int workers, String park) {
    }

    record Progress(LocalDate asOf, int approvedEnterprises, int approvedWorkers, List<Day> days, List<Park> parks,
                    List<TargetProgress> targets) {
    }

    record Day(LocalDate date, int enterprises, int workers, int cumulativeEnterprises, int cumulativeWorkers) {
    }

    record Park(String name, int enterprises, int workers, List<Day> days) {
    }

    /** @param state MET, MISSED (the date passed short of it) or OPEN */
    record TargetProgress(LocalDate by, int workers, boolean strictlyAbove, String descriptionVi,
                          String descriptionEn, int reached, String state) {
    }
}
