package org.greenlane.screening;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.greenlane.application.ApplicationDocument.Test;
import org.greenlane.application.ApplicationDocument.TestResult;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.application.ApplicationDocument.Worker;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.system.Keys;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * Screens an application with a rule set, in two passes over one KieBase: the worker criteria mark each worker,
 * then the application criteria see the roster counts that follow. Facts carry only data (ages of tests, counts);
 * every threshold stays in the rule files.
 */
public final class Screener {

    private static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::group).thenComparing(Finding::code).thenComparing(Finding::subject);

    private static final int BATCH = 2_000;

    /** Every session here is filled, fired and read by one thread, so it needs no locks. */
    private static final KieSessionConfiguration ONE_THREAD = oneThreadSessions();

    private final ZoneId zone;

    public Screener(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param otherEnterprisesAtAddress per {@link Keys#of address key}, how many other enterprises' live
     *                                  applications use that lodging address
     */
    public ScreeningResult screen(ScreeningRules rules, ApplicationDocument application,
                                  Map<String, Integer> otherEnterprisesAtAddress, Instant at) {
        List<Worker> workers = application.workers();
        List<List<WorkerMark>> marks = markWorkers(rules.kieBase(), screenedWorkers(workers, at));

        List<ScreeningResult.WorkerEligibility> verdicts = new ArrayList<>(workers.size());
        List<VaccinationPriority> priority = new ArrayList<>();
        List<WorkerMark> countedMarks = new ArrayList<>();
        int eligible = 0;
        for (int i = 0; i < workers.size(); i++) {
            Worker worker = workers.get(i);
            List<WorkerMark> own = marks.get(i);
            // Most workers have no mark: streams over their empty lists were most of a large roster's verdict time.
            List<String> reasons = own.isEmpty() ? List.of() : own.stream()
                    .filter(m -> WorkerMark.INELIGIBLE.equals(m.getEffect()))
                    .map(WorkerMark::getCode).distinct().sorted().toList();
            boolean isEligible = reasons.isEmpty();
            verdicts.add(new ScreeningResult.WorkerEligibility(worker.citizenId(), worker.fullName(), isEligible, reasons));
            if (isEligible) {
                eligible++;
            }
            if (!own.isEmpty()) {
                // an eligible worker's priority marks count, an ineligible one's reasons
                String counted = isEligible ? WorkerMark.PRIORITY : WorkerMark.INELIGIBLE;
                List<WorkerMark> countedOwn = own.stream().filter(m -> counted.equals(m.getEffect())).toList();
                countedMarks.addAll(countedOwn);
                if (isEligible && !countedOwn.isEmpty()) {
                    priority.add(new VaccinationPriority(worker.citizenId(), worker.fullName(), "WORKER"));
                }
            }
        }

        List<Finding> findings = new ArrayList<>(summarise(countedMarks));
        KieSession session = newSession(rules.kieBase());
        try {
            applicationFacts(application, eligible, otherEnterprisesAtAddress, at).forEach(session::insert);
            session.fireAllRules();
            findings.addAll(objects(session, Finding.class));
            priority.addAll(objects(session, VaccinationPriority.class));
        } finally {
            session.dispose();
        }
        findings.sort(FINDING_ORDER);
        return new ScreeningResult(rules.version(), rules.checksum(), at, workers.size(), eligible,
                workers.size() - eligible, List.copyOf(findings), List.copyOf(priority), List.copyOf(verdicts));
    }

    /**
     * The re-testing check after approval: a finding for each of these approved workers whose latest negative test
     * is older than the rules allow.
     */
    public List<Finding> retest(ScreeningRules rules, ApplicationDocument application, Set<String> approved,
                                Instant at) {
        KieSession session = newSession(rules.kieBase());
        try {
            application.workers().stream().filter(worker -> approved.contains(worker.citizenId()))
                    .forEach(worker -> session.insert(new RetestedWorker(worker.citizenId(), worker.fullName(),
                            hoursSinceLatest(worker.tests(), null, TestResult.NEGATIVE, at) / 24.0)));
            session.fireAllRules();
            return objects(session, Finding.class).stream().sorted(FINDING_ORDER).toList();
        } finally {
            session.dispose();
        }
    }

    /** A number of the policy parameters table, as the rules of this set read it; empty when its row is missing. */
    public OptionalDouble policyParameter(ScreeningRules rules, String name) {
        KieSession session = newSession(rules.kieBase());
        try {
            session.fireAllRules();
            return objects(session, PolicyParameter.class).stream().filter(parameter -> parameter.getName().equals(name))
                    .mapToDouble(PolicyParameter::getValue).findFirst();
        } finally {
            session.dispose();
        }
    }

    List<ScreenedWorker> screenedWorkers(List<Worker> workers, Instant at) {
        List<ScreenedWorker> facts = new ArrayList<>(workers.size());
        for (int i = 0; i < workers.size(); i++) {
            facts.add(screenedWorker(i, workers.get(i), at));
        }
        return facts;
    }

    /**
     * The worker criteria's marks: for each worker, in roster order, the marks that concern them. Each worker criterion
     * looks at one worker, so a large roster goes through in batches of {@link #BATCH} workers, one session each, on
     * every core: one session of a whole large roster spends its time growing its own fact maps.
     */
    List<List<WorkerMark>> markWorkers(KieBase kieBase, List<ScreenedWorker> workers) {
        IntStream batches = IntStream.range(0, (workers.size() + BATCH - 1) / BATCH);
        List<List<List<WorkerMark>>> found = (workers.size() > BATCH ? batches.parallel() : batches)
                .mapToObj(batch -> markBatch(kieBase, workers, batch * BATCH,
                        Math.min(workers.size(), (batch + 1) * BATCH)))
                .toList();
        List<List<WorkerMark>> byWorker = new ArrayList<>(workers.size());
        found.forEach(byWorker::addAll);
        return byWorker;
    }

    /** The marks of the workers from index {@code from} to {@code to}, grouped by worker on the batch's own core. */
    private static List<List<WorkerMark>> markBatch(KieBase kieBase, List<ScreenedWorker> workers, int from, int to) {
        KieSession session = newSession(kieBase);
        try {
            workers.subList(from, to).forEach(session::insert);
            session.fireAllRules();
            List<List<WorkerMark>> byWorker = new ArrayList<>(Collections.nCopies(to - from, List.of()));
            for (WorkerMark mark : objects(session, WorkerMark.class)) {
                int worker = mark.getWorker() - from;
                List<WorkerMark> own = byWorker.get(worker);
                if (own.isEmpty()) {
                    own = new ArrayList<>(2);
                    byWorker.set(worker, own);
                }
                own.add(mark);
            }
            return byWorker;
        } finally {
            session.dispose();
        }
    }

    private static KieSession newSession(KieBase kieBase) {
        return kieBase.newKieSession(ONE_THREAD, null);
    }

    private static KieSessionConfiguration oneThreadSessions() {
        KieSessionConfiguration configuration = KieServices.Factory.get().newKieSessionConfiguration();
        configuration.setOption(ThreadSafeOption.NO);
        return configuration;
    }

    private ScreenedWorker screenedWorker(int index, Worker worker, Instant at) {
        return new ScreenedWorker(index, worker.citizenId(), worker.residence().district(), worker.residence().commune(),
                hoursSinceLatest(worker.tests(), TestType.PCR, TestResult.NEGATIVE, at),
                hoursSinceLatest(worker.tests(), TestType.RAPID_ANTIGEN, TestResult.NEGATIVE, at),
                hoursSinceLatest(worker.tests(), null, TestResult.POSITIVE, at) / 24.0,
                daysSince(worker.closeContactSince(), at),
                worker.vaccinationDoses());
    }

    /** Hours from the latest matching test to the screening, or {@link ScreenedWorker#NEVER}. */
    static double hoursSinceLatest(List<Test> tests, TestType type, TestResult result, Instant at) {
        Instant latest = null;
        for (Test test : tests) {
            if (test.result() == result && (type == null || test.type() == type)) {
                Instant sampled = test.sampledAt().toInstant();
                if (!sampled.isAfter(at) && (latest == null || sampled.isAfter(latest))) {
                    latest = sampled;
                }
            }
        }
        return latest == null ? ScreenedWorker.NEVER : Duration.between(latest, at).toSeconds() / 3600.0;
    }

    private double daysSince(LocalDate date, Instant at) {
        if (date == null) {
            return ScreenedWorker.NEVER;
        }
        return ChronoUnit.DAYS.between(date, at.atZone(zone).toLocalDate());
    }

    private List<Object> applicationFacts(ApplicationDocument application, int eligible,
                                          Map<String, Integer> otherEnterprisesAtAddress, Instant at) {
        List<Worker> workers = application.workers();
        Map<String, Integer> lodged = countBy(workers, Worker::accommodationId);
        Map<String, Integer> riding = countBy(workers, Worker::shuttleId);
        List<Object> facts = new ArrayList<>();
        facts.add(new ApplicationFact(application.enterprise().name(), application.enterprise().industrialPark(),
                workers.size(), eligible));
        var plan = application.medicalPlan();
        facts.add(new MedicalPlanFact(plan.medicalStaff(), plan.isolationRoom(), plan.bufferZone(),
                plan.infectionResponsePlan()));
        for (var site : application.accommodations()) {
            facts.add(new AccommodationFact(site.id(), site.name(), site.address(), site.capacity(),
                    lodged.getOrDefault(site.id(), 0), otherEnterprisesAtAddress.getOrDefault(Keys.of(site.address()), 0)));
        }
        for (var shuttle : application.shuttles()) {
            var driver = shuttle.driver();
            facts.add(new ShuttleFact(shuttle.id(), shuttle.plate(), shuttle.seats(), riding.getOrDefault(shuttle.id(), 0),
                    driver.citizenId(), driver.fullName(),
                    hoursSinceLatest(driver.tests(), TestType.PCR, TestResult.NEGATIVE, at), driver.vaccinationDoses()));
        }
        workers.stream().filter(w -> w.accommodationId() == null)
                .forEach(w -> facts.add(new CommuterFact(w.citizenId(), w.fullName(), w.shuttleId())));
        return facts;
    }

    private static Map<String, Integer> countBy(List<Worker> workers, Function<Worker, String> key) {
        Map<String, Integer> counts = new HashMap<>();
        for (Worker worker : workers) {
            String value = key.apply(worker);
            if (value != null) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** One finding per criterion, counting the workers it concerns, instead of one per worker. */
    private static List<Finding> summarise(List<WorkerMark> marks) {
        Map<String, List<WorkerMark>> byCode = marks.stream().collect(Collectors.groupingBy(
                WorkerMark::getCode, LinkedHashMap::new, Collectors.toList()));
        List<Finding> findings = new ArrayList<>();
        for (List<WorkerMark> same : byCode.values()) {
            WorkerMark first = same.get(0);
            int count = countDistinct(same, WorkerMark::getWorker);
            findings.add(Finding.of(first.getCode(), first.getSeverity(), first.getGroup(), count + " workers",
                    first.getMessageVi() + countVi(count), first.getMessageEn() + countEn(count)));
        }
        return findings;
    }

    /**
     * What each code among the workers' reasons says of one worker: its criterion's summary finding without the
     * count of workers that ends its messages, and without a subject.
     */
    public static List<Finding> workerReasons(ScreeningResult result) {
        Map<String, Integer> workers = new HashMap<>();
        result.workers().forEach(worker -> worker.reasons().forEach(code -> workers.merge(code, 1, Integer::sum)));
        Map<String, Finding> reasons = new LinkedHashMap<>();
        for (Finding finding : result.findings()) {
            Integer count = workers.get(finding.code());
            if (count != null) {
                reasons.putIfAbsent(finding.code(), new Finding(finding.code(), finding.severity(), finding.group(),
                        null, withoutEnding(finding.messageVi(), countVi(count)),
                        withoutEnding(finding.messageEn(), countEn(count))));
            }
        }
        return List.copyOf(reasons.values());
    }

    private static String countVi(int workers) {
        return " (" + workers + " người lao động)";
    }

    private static String countEn(int workers) {
        return " (" + workers + " workers)";
    }

    /** A message that is nothing but the ending stays whole: a finding needs a message. */
    private static String withoutEnding(String message, String ending) {
        return message.endsWith(ending) && message.length() > ending.length()
                ? message.substring(0, message.length() - ending.length()) : message;
    }

    private static <T> int countDistinct(Collection<T> items, ToIntFunction<T> key) {
        return (int) items.stream().mapToInt(key).distinct().count();
    }

    private static <T> List<T> objects(KieSession session, Class<T> type) {
        return session.getObjects(new ClassObjectFilter(type)).stream().map(type::cast)
                .filter(Objects::nonNull).toList();
    }
}
