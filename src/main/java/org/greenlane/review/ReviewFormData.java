package org.greenlane.review;

import static org.greenlane.workflow.ProcessVariables.ACCOMMODATIONS;
import static org.greenlane.workflow.ProcessVariables.ELIGIBLE_COUNT;
import static org.greenlane.workflow.ProcessVariables.FINDINGS;
import static org.greenlane.workflow.ProcessVariables.GROUP_VERDICTS;
import static org.greenlane.workflow.ProcessVariables.INELIGIBLE_COUNT;
import static org.greenlane.workflow.ProcessVariables.INELIGIBLE_WORKERS;
import static org.greenlane.workflow.ProcessVariables.MEDICAL_PLAN;
import static org.greenlane.workflow.ProcessVariables.ROSTER;
import static org.greenlane.workflow.ProcessVariables.RULE_SET_VERSION;
import static org.greenlane.workflow.ProcessVariables.SHUTTLES;
import static org.greenlane.workflow.ProcessVariables.VACCINATION_PRIORITY;
import static org.greenlane.workflow.ProcessVariables.WORKER_COUNT;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.greenlane.application.ApplicationDocument.Worker;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.review.ReviewStore.Review;
import org.greenlane.screening.Finding;
import org.greenlane.screening.ScreeningResult.WorkerEligibility;
import org.greenlane.screening.ScreeningResult;

/**
 * What each group's form shows, keyed as its read-only fields: a few numbers, and text blocks of preformatted lines
 * ({@link TextLines}). Every form gets the counts, the rule-set version and its findings (the enterprise and its
 * park are the task's own variables, see {@link TaskCard}); then
 * <ul>
 * <li>health: the ineligible workers with reason codes, the vaccination priority list, the medical plan;</li>
 * <li>housing: each accommodation with its capacity, residents and its own findings (a shared site);</li>
 * <li>labour: the roster against the eligible count, the reasons, the park, the planned restart;</li>
 * <li>transport: each shuttle with its seats, passengers and its driver's vaccination and latest test;</li>
 * <li>steering: the four groups' verdicts with comments, and every finding.</li>
 * </ul>
 */
final class ReviewFormData {

    /** Names listed per accommodation or shuttle; the counts are always whole. */
    static final int LISTED_NAMES = 20;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm 'GMT'xxx");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String NONE = "Không có / None";

    private final ApplicationDocument document;
    private final ScreeningResult screening;
    private final ZoneId zone;
    private final Set<String> ineligible;

    private ReviewFormData(ApplicationDocument document, ScreeningResult screening, ZoneId zone) {
        this.document = document;
        this.screening = screening;
        this.zone = zone;
        this.ineligible = screening.workers().stream().filter(w -> !w.eligible()).map(WorkerEligibility::citizenId)
                .collect(Collectors.toSet());
    }

    /**
     * @param verdicts the groups' reviews of the current round: shown to the steering committee only
     */
    static Map<String, Object> of(String group, ApplicationDocument document, ScreeningResult screening,
                                  List<Review> verdicts, ZoneId zone) {
        return new ReviewFormData(document, screening, zone).forGroup(group, verdicts);
    }

    private Map<String, Object> forGroup(String group, List<Review> verdicts) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(WORKER_COUNT, screening.workerCount());
        data.put(ELIGIBLE_COUNT, screening.eligibleCount());
        data.put(RULE_SET_VERSION, screening.ruleSetVersion() + " — sàng lọc lúc / screened at "
                + time(screening.screenedAt()));
        boolean steering = WorkingGroups.STEERING.equals(group);
        data.put(FINDINGS, findings(steering ? screening.findings() : screening.findingsFor(group)));
        switch (group) {
            case "health" -> {
                data.put(INELIGIBLE_COUNT, screening.ineligibleCount());
                data.put(INELIGIBLE_WORKERS, ineligibleWorkers());
                data.put(VACCINATION_PRIORITY, vaccinationPriority());
                data.put(MEDICAL_PLAN, medicalPlan());
            }
            case "housing" -> data.put(ACCOMMODATIONS, accommodations());
            case "labour" -> {
                data.put(INELIGIBLE_COUNT, screening.ineligibleCount());
                data.put(ROSTER, roster());
            }
            case "transport" -> data.put(SHUTTLES, shuttles());
            case WorkingGroups.STEERING -> {
                data.put(INELIGIBLE_COUNT, screening.ineligibleCount());
                data.put(GROUP_VERDICTS, verdicts(verdicts));
            }
            default -> throw new IllegalArgumentException("Unknown working group " + group);
        }
        return data;
    }

    private static String findings(List<Finding> findings) {
        TextLines text = new TextLines();
        findings.forEach(f -> text.add(finding(f)));
        return text.orElse("Không có phát hiện nào / No findings.");
    }

    private static String finding(Finding f) {
        return "[" + f.severity() + "] " + f.code() + " (" + f.group() + ", " + f.subject() + "): " + f.messageVi()
                + " / " + f.messageEn();
    }

    // ------------------------------------------------------------------------------------------------- health

    private String ineligibleWorkers() {
        TextLines text = new TextLines();
        screening.workers().stream().filter(w -> !w.eligible()).forEach(w -> text.add(
                "- " + w.fullName() + " (" + w.citizenId() + "): " + String.join(", ", w.reasons())));
        return text.orElse(NONE);
    }

    private String vaccinationPriority() {
        TextLines text = new TextLines();
        screening.vaccinationPriority().forEach(p -> text.add("- " + p.fullName() + " (" + p.citizenId() + ") — "
                + ("DRIVER".equals(p.role()) ? "lái xe / driver" : "người lao động / worker")));
        return text.orElse(NONE);
    }

    private String medicalPlan() {
        var plan = document.medicalPlan();
        TextLines text = new TextLines()
                .add("Nhân viên y tế / Medical staff: " + plan.medicalStaff() + " (cho / for "
                        + screening.eligibleCount() + " người đủ điều kiện / eligible workers)")
                .add("Phòng cách ly tạm thời / Isolation room: " + yesNo(plan.isolationRoom()))
                .add("Vùng đệm / Buffer zone: " + yesNo(plan.bufferZone()))
                .add("Điện thoại liên hệ / Contact phone: " + plan.contactPhone())
                .add("Phương án xử lý ca nhiễm / Infection response plan:");
        if (plan.infectionResponsePlan() == null || plan.infectionResponsePlan().isBlank()) {
            text.add("  (chưa có / none)");
        } else {
            text.addIndented(plan.infectionResponsePlan(), "  ");
        }
        return text.toString();
    }

    // ------------------------------------------------------------------------------------------------ housing

    private String accommodations() {
        Map<String, List<Worker>> residents = document.workers().stream().filter(w -> w.accommodationId() != null)
                .collect(Collectors.groupingBy(Worker::accommodationId));
        TextLines text = new TextLines();
        for (var site : document.accommodations()) {
            List<Worker> here = residents.getOrDefault(site.id(), List.of());
            long eligibleHere = here.stream().filter(w -> !ineligible.contains(w.citizenId())).count();
            text.add(site.id() + " · " + site.name() + " — " + site.address());
            text.add("  Sức chứa / Capacity: " + site.capacity() + " · Bố trí / Assigned: " + here.size()
                    + " (đủ điều kiện / eligible: " + eligibleHere + ") · Còn trống / Free: "
                    + Math.max(0, site.capacity() - here.size()));
            text.add("  Người ở / Residents: " + names(here, Worker::fullName));
            subjectFindings("housing", site.name()).forEach(f -> text.add("  ⚠ " + finding(f)));
        }
        long commuters = document.workers().stream().filter(w -> w.accommodationId() == null).count();
        if (commuters > 0) {
            text.add("Không ở tập trung, đi xe đưa đón / Commuting by shuttle: " + commuters + " người / workers");
        }
        return text.orElse(NONE);
    }

    // ------------------------------------------------------------------------------------------------- labour

    private String roster() {
        var enterprise = document.enterprise();
        TextLines text = new TextLines()
                .add("Khu công nghiệp / Industrial park: " + enterprise.industrialPark())
                .add("Địa chỉ / Address: " + enterprise.address())
                .add("Ngành nghề / Sector: " + enterprise.sector())
                .add("Ngày dự kiến hoạt động lại / Planned restart: " + DAY.format(document.plannedRestartDate()))
                .add("Danh sách lao động / Roster: " + screening.workerCount() + " người / workers")
                .add("Đủ điều kiện / Eligible: " + screening.eligibleCount() + " ("
                        + percent(screening.eligibleCount(), screening.workerCount()) + ")")
                .add("Không đủ điều kiện / Ineligible: " + screening.ineligibleCount());
        Map<String, Long> byReason = screening.workers().stream().flatMap(w -> w.reasons().stream())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        byReason.forEach((code, count) -> text.add("  - " + code + ": " + count));
        long lodged = document.workers().stream().filter(w -> w.accommodationId() != null).count();
        text.add("Ở tập trung / Lodged: " + lodged + " · Đi xe đưa đón / By shuttle: "
                + (screening.workerCount() - lodged));
        return text.toString();
    }

    // ---------------------------------------------------------------------------------------------- transport

    private String shuttles() {
        Map<String, List<Worker>> passengers = document.workers().stream().filter(w -> w.shuttleId() != null)
                .collect(Collectors.groupingBy(Worker::shuttleId));
        TextLines text = new TextLines();
        for (var shuttle : document.shuttles()) {
            List<Worker> riding = passengers.getOrDefault(shuttle.id(), List.of());
            var driver = shuttle.driver();
            text.add(shuttle.id() + " · " + shuttle.plate() + " — " + shuttle.seats() + " chỗ / seats, "
                    + riding.size() + " hành khách / passengers (" + percent(riding.size(), shuttle.seats())
                    + " số chỗ / of seats)");
            text.add("  Hành khách / Passengers: " + names(riding, Worker::fullName));
            text.add("  Lái xe / Driver: " + driver.fullName() + " (" + driver.citizenId() + ") — "
                    + driver.vaccinationDoses() + " mũi vắc-xin / vaccine doses; " + latestTest(driver.tests()));
            subjectFindings("transport", shuttle.plate()).forEach(f -> text.add("  ⚠ " + finding(f)));
        }
        return text.orElse(NONE);
    }

    private String latestTest(List<ApplicationDocument.Test> tests) {
        return tests.stream().max(Comparator.comparing(t -> t.sampledAt().toInstant()))
                .map(t -> "xét nghiệm gần nhất / latest test: " + t.type() + " " + t.result() + ", "
                        + time(t.sampledAt().toInstant()) + " (" + hoursBeforeScreening(t.sampledAt().toInstant())
                        + " giờ trước sàng lọc / hours before screening)")
                .orElse("chưa có xét nghiệm / no test");
    }

    private long hoursBeforeScreening(Instant sampled) {
        return Duration.between(sampled, screening.screenedAt()).toHours();
    }

    // ----------------------------------------------------------------------------------------------- steering

    private String verdicts(List<Review> reviews) {
        Map<String, Review> latest = new LinkedHashMap<>();
        reviews.stream().filter(r -> !WorkingGroups.STEERING.equals(r.group()))
                .forEach(r -> latest.put(r.group(), r));
        TextLines text = new TextLines();
        for (String group : WorkingGroups.REVIEWING) {
            Review review = latest.get(group);
            if (review == null) {
                text.add(WorkingGroups.name(group) + ": chưa quyết định / no decision yet");
                continue;
            }
            text.add(WorkingGroups.name(group) + ": " + decisionLabel(review.decision()) + " — "
                    + review.decidedBy() + ", " + time(review.decidedAt()));
            if (review.comment() != null && !review.comment().isBlank()) {
                text.add("  Ý kiến / Comment: " + review.comment().strip().replaceAll("\\s+", " "));
            }
        }
        return text.toString();
    }

    private static String decisionLabel(String decision) {
        return switch (decision) {
            case "APPROVE" -> "Đồng ý / APPROVE";
            case "REQUEST_CHANGES" -> "Yêu cầu bổ sung / REQUEST_CHANGES";
            case "REJECT" -> "Từ chối / REJECT";
            default -> decision;
        };
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private List<Finding> subjectFindings(String group, String subject) {
        return screening.findingsFor(group).stream().filter(f -> Objects.equals(f.subject(), subject)).toList();
    }

    private <T> String names(List<T> people, Function<T, String> name) {
        if (people.isEmpty()) {
            return "(không có / none)";
        }
        String listed = people.stream().limit(LISTED_NAMES).map(name).collect(Collectors.joining(", "));
        return people.size() > LISTED_NAMES ? listed + " … (+" + (people.size() - LISTED_NAMES) + ")" : listed;
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    private static String yesNo(Boolean value) {
        return Boolean.TRUE.equals(value) ? "có / yes" : "không / no";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "—" : Math.round(100.0 * part / whole) + "%";
    }
}
