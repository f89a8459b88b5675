package org.greenlane.screening;

import static org.greenlane.TestApplications.hoursBefore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.greenlane.TestApplications;
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
 * Changed copies of {@link TestApplications}' documents, one field at a time: the documents are immutable records,
 * and each test should say only what it changes.
 */
public final class TestChanges {

    private TestChanges() {
    }

    // ------------------------------------------------------------------ tests

    public static Test test(TestType type, TestResult result, double hoursAgo) {
        return new Test(type, hoursBefore(hoursAgo), result);
    }

    public static Test positive(TestType type, double daysAgo) {
        return test(type, TestResult.POSITIVE, daysAgo * 24);
    }

    // ------------------------------------------------------------------ workers

    public static Worker tests(Worker w, Test... tests) {
        return TestApplications.withTests(w, List.of(tests));
    }

    public static Worker residence(Worker w, String district, String commune) {
        return new Worker(w.citizenId(), w.fullName(), new Residence(district, commune), w.tests(),
                w.vaccinationDoses(), w.closeContactSince(), w.accommodationId(), w.shuttleId());
    }

    public static Worker doses(Worker w, int doses) {
        return new Worker(w.citizenId(), w.fullName(), w.residence(), w.tests(), doses, w.closeContactSince(),
                w.accommodationId(), w.shuttleId());
    }

    public static Worker closeContact(Worker w, LocalDate since) {
        return new Worker(w.citizenId(), w.fullName(), w.residence(), w.tests(), w.vaccinationDoses(), since,
                w.accommodationId(), w.shuttleId());
    }

    public static Worker lodging(Worker w, String accommodationId, String shuttleId) {
        return new Worker(w.citizenId(), w.fullName(), w.residence(), w.tests(), w.vaccinationDoses(),
                w.closeContactSince(), accommodationId, shuttleId);
    }

    /** A worker with no test at all, so ineligible under W-NO-RECENT-PCR and nothing else. */
    public static Worker untested(Worker w) {
        return TestApplications.withTests(w, List.of());
    }

    /** Applies {@code change} to the workers at {@code indexes}. */
    public static ApplicationDocument workers(ApplicationDocument a, UnaryOperator<Worker> change, int... indexes) {
        ApplicationDocument changed = a;
        for (int index : indexes) {
            changed = TestApplications.withWorker(changed, index, change);
        }
        return changed;
    }

    /** Applies {@code change} to the first {@code count} workers. */
    public static ApplicationDocument firstWorkers(ApplicationDocument a, int count, UnaryOperator<Worker> change) {
        List<Worker> roster = new ArrayList<>(a.workers());
        for (int i = 0; i < count; i++) {
            roster.set(i, change.apply(roster.get(i)));
        }
        return TestApplications.withWorkers(a, roster);
    }

    // ------------------------------------------------------------------ application

    public static ApplicationDocument park(ApplicationDocument a, String industrialPark) {
        Enterprise e = a.enterprise();
        return new ApplicationDocument(new Enterprise(e.taxCode(), e.name(), industrialPark, e.address(), e.sector()),
                a.plannedRestartDate(), a.workers(), a.accommodations(), a.shuttles(), a.medicalPlan());
    }

    public static ApplicationDocument accommodations(ApplicationDocument a, Accommodation... sites) {
        return new ApplicationDocument(a.enterprise(), a.plannedRestartDate(), a.workers(), List.of(sites),
                a.shuttles(), a.medicalPlan());
    }

    public static ApplicationDocument shuttles(ApplicationDocument a, Shuttle... shuttles) {
        return new ApplicationDocument(a.enterprise(), a.plannedRestartDate(), a.workers(), a.accommodations(),
                List.of(shuttles), a.medicalPlan());
    }

    /** A second shuttle beside the clean application's, XE-2 98B-678.90 with 29 seats and the same driver. */
    public static ApplicationDocument twoShuttles(ApplicationDocument a) {
        Shuttle first = a.shuttles().get(0);
        return shuttles(a, first, new Shuttle("XE-2", "98B-678.90", 29, first.driver()));
    }

    public static ApplicationDocument medicalPlan(ApplicationDocument a, UnaryOperator<MedicalPlan> change) {
        return new ApplicationDocument(a.enterprise(), a.plannedRestartDate(), a.workers(), a.accommodations(),
                a.shuttles(), change.apply(a.medicalPlan()));
    }

    public static MedicalPlan medicalStaff(MedicalPlan m, int staff) {
        return new MedicalPlan(staff, m.isolationRoom(), m.bufferZone(), m.infectionResponsePlan(), m.contactPhone());
    }

    public static MedicalPlan isolationRoom(MedicalPlan m, boolean isolationRoom) {
        return new MedicalPlan(m.medicalStaff(), isolationRoom, m.bufferZone(), m.infectionResponsePlan(),
                m.contactPhone());
    }

    public static MedicalPlan bufferZone(MedicalPlan m, boolean bufferZone) {
        return new MedicalPlan(m.medicalStaff(), m.isolationRoom(), bufferZone, m.infectionResponsePlan(),
                m.contactPhone());
    }

    public static MedicalPlan responsePlan(MedicalPlan m, String plan) {
        return new MedicalPlan(m.medicalStaff(), m.isolationRoom(), m.bufferZone(), plan, m.contactPhone());
    }

    /** The clean application's only shuttle, with other seats or another driver. */
    public static Shuttle shuttle(ApplicationDocument a, int seats) {
        Shuttle s = a.shuttles().get(0);
        return new Shuttle(s.id(), s.plate(), seats, s.driver());
    }

    public static Shuttle driver(Shuttle s, UnaryOperator<Driver> change) {
        return new Shuttle(s.id(), s.plate(), s.seats(), change.apply(s.driver()));
    }

    public static Driver driverTests(Driver d, Test... tests) {
        return new Driver(d.citizenId(), d.fullName(), List.of(tests), d.vaccinationDoses());
    }

    public static Driver driverDoses(Driver d, int doses) {
        return new Driver(d.citizenId(), d.fullName(), d.tests(), doses);
    }
}
