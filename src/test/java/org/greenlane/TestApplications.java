package org.greenlane;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.greenlane.application.ApplicationDocument.Accommodation;
import org.greenlane.application.ApplicationDocument.Driver;
import org.greenlane.application.ApplicationDocument.Enterprise;
import org.greenlane.application.ApplicationDocument.MedicalPlan;
import org.greenlane.application.ApplicationDocument.Residence;
import org.greenlane.application.ApplicationDocument.Shuttle;
import org.greenlane.application.ApplicationDocument.Test;
import org.greenlane.application.ApplicationDocument.TestResult;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.application.ApplicationDocument.Worker;
import org.greenlane.application.ApplicationDocument;

/**
 * Applications for tests: by default a clean one that passes every v1 criterion at {@link #NOW}; each test changes
 * only what it is about.
 */
public final class TestApplications {

    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    /** The screening time tests use: 20 June 2021, 09:00 in Bắc Giang. */
    public static final Instant NOW = OffsetDateTime.of(2021, 6, 20, 9, 0, 0, 0, VIETNAM).toInstant();

    private TestApplications() {
    }

    public static OffsetDateTime hoursBefore(double hours) {
        return hoursBefore(hours, NOW);
    }

    private static OffsetDateTime hoursBefore(double hours, Instant at) {
        return OffsetDateTime.ofInstant(at.minusSeconds(Math.round(hours * 3600)), VIETNAM);
    }

    public static Test negativePcr(double hoursAgo) {
        return negativePcr(hoursAgo, NOW);
    }

    private static Test negativePcr(double hoursAgo, Instant at) {
        return new Test(TestType.PCR, hoursBefore(hoursAgo, at), TestResult.NEGATIVE);
    }

    public static Worker worker(int n) {
        return worker(n, NOW);
    }

    private static Worker worker(int n, Instant at) {
        return new Worker(String.format("0240%08d", n), "Nguyễn Văn Công " + n, new Residence("Lạng Giang", "Tân Dĩnh"),
                List.of(negativePcr(24, at)), 1, null, "KTX-1", null);
    }

    public static ApplicationDocument clean(int workers) {
        return clean(workers, NOW);
    }

    /** A clean application for a server that screens at {@code at} (a server running on the real clock). */
    public static ApplicationDocument clean(int workers, Instant at) {
        List<Worker> roster = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            roster.add(worker(i, at));
        }
        return new ApplicationDocument(
                new Enterprise("2400123456", "Công ty TNHH Điện tử Hồng Hải Bắc Giang", "Quang Châu",
                        "Lô A1, KCN Quang Châu, Việt Yên, Bắc Giang", "Điện tử"),
                LocalDate.of(2021, 6, 25),
                roster,
                List.of(new Accommodation("KTX-1", "Ký túc xá số 1", "Thôn Nguộn, xã Ngọc Thiện, Tân Yên", workers + 50)),
                List.of(new Shuttle("XE-1", "98B-123.45", 45,
                        new Driver("024099999999", "Trần Văn Lái", List.of(negativePcr(12, at)), 2))),
                new MedicalPlan(Math.max(1, (workers + 299) / 300), true, true,
                        "Cách ly tại phòng y tế, báo Trung tâm Y tế huyện trong 1 giờ", "0204 3855 123"));
    }

    /** The seeds' enterprise number {@code n}: its own tax code, park and lodging address, a clean roster. */
    public static ApplicationDocument seedEnterprise(String taxCode, String park, int n, int workers, Instant at) {
        ApplicationDocument clean = clean(workers, at);
        var e = clean.enterprise();
        var site = clean.accommodations().get(0);
        return new ApplicationDocument(new Enterprise(taxCode, "Doanh nghiệp mẫu " + n, park, e.address(), e.sector()),
                clean.plannedRestartDate(), clean.workers(),
                List.of(new Accommodation(site.id(), site.name(), "Khu nhà ở số " + n + ", " + park, site.capacity())),
                clean.shuttles(), clean.medicalPlan());
    }

    public static ApplicationDocument withWorker(ApplicationDocument application, int index, UnaryOperator<Worker> change) {
        List<Worker> roster = new ArrayList<>(application.workers());
        roster.set(index, change.apply(roster.get(index)));
        return withWorkers(application, roster);
    }

    public static ApplicationDocument withWorkers(ApplicationDocument a, List<Worker> workers) {
        return new ApplicationDocument(a.enterprise(), a.plannedRestartDate(), workers, a.accommodations(), a.shuttles(),
                a.medicalPlan());
    }

    public static ApplicationDocument inPark(ApplicationDocument a, String park) {
        var e = a.enterprise();
        return new ApplicationDocument(new Enterprise(e.taxCode(), e.name(), park, e.address(), e.sector()),
                a.plannedRestartDate(), a.workers(), a.accommodations(), a.shuttles(), a.medicalPlan());
    }

    public static Worker withTests(Worker w, List<Test> tests) {
        return new Worker(w.citizenId(), w.fullName(), w.residence(), tests, w.vaccinationDoses(), w.closeContactSince(),
                w.accommodationId(), w.shuttleId());
    }
}
