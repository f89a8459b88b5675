package org.greenlane.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.TestApplications.NOW;
import static org.greenlane.TestApplications.VIETNAM;
import static org.greenlane.TestApplications.clean;
import static org.greenlane.TestApplications.negativePcr;
import static org.greenlane.screening.TestChanges.accommodations;
import static org.greenlane.screening.TestChanges.bufferZone;
import static org.greenlane.screening.TestChanges.closeContact;
import static org.greenlane.screening.TestChanges.doses;
import static org.greenlane.screening.TestChanges.driver;
import static org.greenlane.screening.TestChanges.driverDoses;
import static org.greenlane.screening.TestChanges.driverTests;
import static org.greenlane.screening.TestChanges.firstWorkers;
import static org.greenlane.screening.TestChanges.isolationRoom;
import static org.greenlane.screening.TestChanges.lodging;
import static org.greenlane.screening.TestChanges.medicalPlan;
import static org.greenlane.screening.TestChanges.medicalStaff;
import static org.greenlane.screening.TestChanges.park;
import static org.greenlane.screening.TestChanges.positive;
import static org.greenlane.screening.TestChanges.residence;
import static org.greenlane.screening.TestChanges.responsePlan;
import static org.greenlane.screening.TestChanges.shuttles;
import static org.greenlane.screening.TestChanges.tests;
import static org.greenlane.screening.TestChanges.workers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument.Accommodation;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.screening.Finding;
import org.greenlane.screening.Screener;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningRules;
import org.greenlane.screening.Severity;
import org.greenlane.screening.TestChanges;
import org.greenlane.system.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule folder against the v1 policy as a whole, in the spirit of petclinic's i18n sync test: every code the
 * policy names is produced by the shipped rule files, with its severity, its working group and a message in each
 * language, and the rule files produce no code the policy does not name. Each test fails with a full report.
 */
class RuleFolderConsistencyTest {

    /** Every finding code of the v1 policy, with the severity and working group the policy gives it. */
    static final Map<String, Expectation> V1 = Map.ofEntries(
            Map.entry("W-NO-RECENT-PCR", new Expectation(Severity.INFO, "health")),
            Map.entry("W-RECENT-POSITIVE", new Expectation(Severity.INFO, "health")),
            Map.entry("W-LOCKDOWN-RESIDENCE", new Expectation(Severity.INFO, "health")),
            Map.entry("W-CLOSE-CONTACT", new Expectation(Severity.INFO, "health")),
            Map.entry("W-VACCINATION-PRIORITY", new Expectation(Severity.INFO, "health")),
            Map.entry("A-PARK-UNKNOWN", new Expectation(Severity.BLOCKER, "labour")),
            Map.entry("A-PARK-CLOSED", new Expectation(Severity.BLOCKER, "labour")),
            Map.entry("A-NO-ELIGIBLE-WORKERS", new Expectation(Severity.BLOCKER, "labour")),
            Map.entry("A-LOW-ELIGIBILITY", new Expectation(Severity.WARNING, "labour")),
            Map.entry("H-SITE-OVER-CAPACITY", new Expectation(Severity.BLOCKER, "housing")),
            Map.entry("H-SITE-SHARED", new Expectation(Severity.BLOCKER, "housing")),
            Map.entry("T-COMMUTER-WITHOUT-SHUTTLE", new Expectation(Severity.BLOCKER, "transport")),
            Map.entry("T-SHUTTLE-OVER-HALF", new Expectation(Severity.BLOCKER, "transport")),
            Map.entry("T-DRIVER-NO-RECENT-PCR", new Expectation(Severity.BLOCKER, "transport")),
            Map.entry("T-DRIVER-VACCINATION-PRIORITY", new Expectation(Severity.INFO, "transport")),
            Map.entry("M-NO-BUFFER-ZONE", new Expectation(Severity.BLOCKER, "health")),
            Map.entry("M-NO-ISOLATION-ROOM", new Expectation(Severity.BLOCKER, "health")),
            Map.entry("M-NO-RESPONSE-PLAN", new Expectation(Severity.BLOCKER, "health")),
            Map.entry("M-TOO-FEW-MEDICAL-STAFF", new Expectation(Severity.BLOCKER, "health")),
            Map.entry("P-PARAMETER-MISSING", new Expectation(Severity.BLOCKER, "labour")),
            Map.entry("R-RETEST-LAPSED", new Expectation(Severity.WARNING, "health")));

    /** A code as rule files write it: a quoted group letter, a dash and dashed capitals. */
    private static final Pattern CODE = Pattern.compile("\"([AWHTMPR]-[A-Z]+(?:-[A-Z]+)*)\"");

    record Expectation(Severity severity, String group) {
    }

    private final Screener screener = new Screener(VIETNAM);

    @Test
    void screeningProducesEveryV1CodeWithItsSeverityGroupAndTwoMessages(@TempDir Path rulesCopy,
                                                                        @TempDir Path parametersCopy) throws IOException {
        Map<String, ScreeningResult> results = new LinkedHashMap<>();
        crafted().forEach((name, application) -> results.put(name, screen(TestRules.shipped(), application)));
        ScreeningRules quangChauClosed = TestRuleFolders.shippedWithParkStatus(rulesCopy, "Quang Châu", "CLOSED");
        results.put("park closed (Quang Châu CLOSED in a copy of the parks table)",
                screen(quangChauClosed, clean(3)));
        results.put("a policy parameter row deleted", screen(withoutDriverPcrHours(parametersCopy), clean(3)));
        ApplicationDocument approved = clean(2);
        Instant eightDaysLater = TestApplications.NOW.plus(Duration.ofDays(8));
        results.put("re-testing lapsed eight days after approval", new ScreeningResult("", "", eightDaysLater, 2, 2, 0,
                screener.retest(TestRules.shipped(), approved,
                        Set.of(approved.workers().get(0).citizenId()), eightDaysLater), List.of(), List.of()));

        List<String> report = new ArrayList<>();
        Map<String, Set<String>> producedBy = new TreeMap<>();
        results.forEach((name, result) -> {
            for (Finding finding : result.findings()) {
                producedBy.computeIfAbsent(finding.code(), c -> new TreeSet<>()).add(name);
                report.addAll(problemsOf(name, finding));
            }
        });
        Set<String> missing = new TreeSet<>(V1.keySet());
        missing.removeAll(producedBy.keySet());
        missing.forEach(code -> report.add(code + ": no crafted application produced it; was it lost from rules/?"));

        assertThat(report).as("findings of the crafted applications against the v1 policy").isEmpty();
        assertThat(producedBy.keySet()).containsExactlyInAnyOrderElementsOf(V1.keySet());
    }

    /** The shipped rules with the parameters table replaced by a DRL that sets every parameter but one. */
    private static ScreeningRules withoutDriverPcrHours(Path dir) throws IOException {
        Path folder = TestRuleFolders.copyShipped(dir);
        Files.delete(folder.resolve("policy-parameters.drl.xlsx"));
        Files.writeString(folder.resolve("policy-parameters.drl"), """
                package org.greenlane.rules;
                import org.greenlane.screening.PolicyParameter;
                rule "ThreeOfFourParameters"
                when
                then
                    insert(new PolicyParameter("min-eligible-share-percent", 50));
                    insert(new PolicyParameter("workers-per-medical-staff", 300));
                    insert(new PolicyParameter("max-shuttle-occupancy-percent", 50));
                end
                """);
        return TestRuleFolders.compile(folder);
    }

    @Test
    void ruleFilesWriteOnlyV1CodesAndEveryOne() {
        Map<String, Set<String>> codesByFile = new TreeMap<>();
        TestRuleFolders.read(TestRuleFolders.SHIPPED).forEach((name, content) -> {
            String source = name.toLowerCase(Locale.ROOT).endsWith(".drl") ? new String(content, StandardCharsets.UTF_8)
                    : new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), InputType.XLS);
            Set<String> codes = new TreeSet<>();
            Matcher matcher = CODE.matcher(source);
            while (matcher.find()) {
                codes.add(matcher.group(1));
            }
            codesByFile.put(name, codes);
        });

        List<String> report = new ArrayList<>();
        Set<String> written = new TreeSet<>();
        codesByFile.forEach((file, codes) -> {
            written.addAll(codes);
            codes.stream().filter(code -> !V1.containsKey(code))
                    .forEach(code -> report.add(file + " writes " + code + ", which the v1 policy does not name"));
        });
        V1.keySet().stream().filter(code -> !written.contains(code)).sorted()
                .forEach(code -> report.add(code + " is written by no rule file"));

        assertThat(report).as("codes by rule file: %s", codesByFile).isEmpty();
    }

    /** Applications that, together, meet every criterion of the v1 policy at least once. */
    private static Map<String, ApplicationDocument> crafted() {
        Map<String, ApplicationDocument> applications = new LinkedHashMap<>();
        LocalDate today = LocalDate.of(2021, 6, 20);

        ApplicationDocument workerCriteria = workers(clean(10), TestChanges::untested, 0);
        workerCriteria = workers(workerCriteria, w -> tests(w, positive(TestType.PCR, 1), negativePcr(12)), 1);
        workerCriteria = workers(workerCriteria, w -> residence(w, "Viet Yen", "van trung"), 2);
        workerCriteria = workers(workerCriteria, w -> closeContact(w, today), 3);
        workerCriteria = workers(workerCriteria, w -> doses(w, 0), 4);
        applications.put("worker criteria", workerCriteria);

        applications.put("unknown park, nobody eligible",
                park(firstWorkers(clean(2), 2, TestChanges::untested), "Yên Phong"));
        applications.put("4 of 10 eligible", firstWorkers(clean(10), 6, TestChanges::untested));

        ApplicationDocument housing = clean(10);
        Accommodation site = housing.accommodations().get(0);
        applications.put("site over capacity and shared",
                accommodations(housing, new Accommodation(site.id(), site.name(), site.address(), 9)));

        ApplicationDocument transport = firstWorkers(clean(30), 23, w -> lodging(w, w.accommodationId(), "XE-1"));
        transport = workers(transport, w -> lodging(w, null, null), 29);
        transport = shuttles(transport,
                driver(transport.shuttles().get(0), d -> driverDoses(driverTests(d), 0)));
        applications.put("transport", transport);

        applications.put("medical plan", medicalPlan(clean(1),
                m -> responsePlan(bufferZone(isolationRoom(medicalStaff(m, 0), false), false), "  ")));
        return applications;
    }

    private ScreeningResult screen(ScreeningRules rules, ApplicationDocument application) {
        // Another enterprise lodges at the clean application's address.
        String address = clean(1).accommodations().get(0).address();
        return screener.screen(rules, application, Map.of(Keys.of(address), 1), NOW);
    }

    private static List<String> problemsOf(String application, Finding finding) {
        List<String> problems = new ArrayList<>();
        String where = finding.code() + " (from \"" + application + "\")";
        Expectation expected = V1.get(finding.code());
        if (expected == null) {
            problems.add(where + ": not a v1 code");
        } else {
            if (finding.severity() != expected.severity()) {
                problems.add(where + ": severity " + finding.severity() + ", the policy says " + expected.severity());
            }
            if (!finding.group().equals(expected.group())) {
                problems.add(where + ": group " + finding.group() + ", the policy says " + expected.group());
            }
        }
        if (finding.subject() == null || finding.subject().isBlank()) {
            problems.add(where + ": no subject");
        }
        if (finding.messageVi() == null || finding.messageVi().isBlank()) {
            problems.add(where + ": no Vietnamese message");
        }
        if (finding.messageEn() == null || finding.messageEn().isBlank()) {
            problems.add(where + ": no English message");
        }
        if (finding.messageVi() != null && finding.messageVi().equals(finding.messageEn())) {
            problems.add(where + ": the Vietnamese and English messages are the same text: " + finding.messageEn());
        }
        return problems;
    }
}
