package org.greenlane;

import static org.greenlane.TestApplications.NOW;
import static org.greenlane.TestApplications.VIETNAM;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.greenlane.application.ApplicationDocument.Residence;
import org.greenlane.application.ApplicationDocument.Test;
import org.greenlane.application.ApplicationDocument.TestResult;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.application.ApplicationDocument.Worker;

/**
 * Rosters as they came in during the reopening, for tests and benchmarks alike: mostly workers tested within three
 * days, and a realistic share of stale tests, recent positives, close contacts, residents of lockdown communes
 * (spelt with and without diacritics) and unvaccinated workers, each on either side of its threshold at
 * {@link TestApplications#NOW}. The same seed gives the same roster, and the roster knows what the v1 criteria
 * must say of it.
 */
public final class TestRosters {

    /** A roster and what the v1 worker criteria must find in it. */
    public record MixedRoster(List<Worker> workers, int expectedEligible, int expectedPriority,
                              Map<String, Integer> expectedIneligibleByCode) {
    }

    private static final List<Residence> OPEN_COMMUNES = List.of(new Residence("Lạng Giang", "Tân Dĩnh"),
            new Residence("Tân Yên", "Ngọc Thiện"), new Residence("Lục Nam", "Bắc Lũng"),
            new Residence("Việt Yên", "Bích Sơn"), new Residence("Yên Dũng", "Tân An"),
            new Residence("Thành phố Bắc Giang", "Phường Trần Phú"));
    /** Communes of lockdown-communes.drl.xlsx, some typed the way people type them. */
    private static final List<Residence> LOCKDOWN_COMMUNES = List.of(new Residence("Việt Yên", "Vân Trung"),
            new Residence("Huyện Việt Yên", "Xã Quang Châu"), new Residence("viet yen", "nenh"),
            new Residence("Việt Yên", "Hồng Thái"), new Residence("Yên Dũng", "Nội Hoàng"),
            new Residence("Hiệp Hòa", "Đoan Bái"), new Residence("Hiệp Hoà", "Lương Phong"));

    private TestRosters() {
    }

    public static MixedRoster mixed(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Worker> workers = new ArrayList<>(size);
        Map<String, Integer> ineligible = new TreeMap<>();
        int eligible = 0;
        int priority = 0;
        for (int n = 0; n < size; n++) {
            String citizenId = String.format("0241%08d", n);
            Residence home = OPEN_COMMUNES.get(random.nextInt(OPEN_COMMUNES.size()));
            List<Test> tests = new ArrayList<>(List.of(test(TestType.PCR, TestResult.NEGATIVE, random.nextInt(2, 72))));
            LocalDate closeContact = null;
            String reason = null;
            int roll = random.nextInt(100);
            if (roll < 8) {
                // a stale PCR, often with a rapid test that does not replace it
                tests.set(0, test(TestType.PCR, TestResult.NEGATIVE, random.nextInt(73, 240)));
                if (random.nextBoolean()) {
                    tests.add(test(TestType.RAPID_ANTIGEN, TestResult.NEGATIVE, random.nextInt(1, 24)));
                }
                reason = "W-NO-RECENT-PCR";
            } else if (roll < 11) {
                tests.add(test(TestType.RAPID_ANTIGEN, TestResult.POSITIVE, 24 * random.nextInt(1, 14)));
                reason = "W-RECENT-POSITIVE";
            } else if (roll < 13) {
                tests.add(test(TestType.PCR, TestResult.POSITIVE, 24 * random.nextInt(16, 60)));
            } else if (roll < 18) {
                closeContact = NOW.atZone(VIETNAM).toLocalDate().minusDays(random.nextInt(0, 15));
                reason = "W-CLOSE-CONTACT";
            } else if (roll < 20) {
                closeContact = NOW.atZone(VIETNAM).toLocalDate().minusDays(random.nextInt(15, 40));
            } else if (roll < 26) {
                home = LOCKDOWN_COMMUNES.get(random.nextInt(LOCKDOWN_COMMUNES.size()));
                reason = "W-LOCKDOWN-RESIDENCE";
            }
            int doses = random.nextInt(100) < 22 ? 0 : random.nextInt(1, 3);
            workers.add(new Worker(citizenId, "Nguyễn Thị Lan " + n, home, tests, doses, closeContact, "KTX-1", null));
            if (reason == null) {
                eligible++;
                priority += doses == 0 ? 1 : 0;
            } else {
                ineligible.merge(reason, 1, Integer::sum);
            }
        }
        return new MixedRoster(List.copyOf(workers), eligible, priority, ineligible);
    }

    private static Test test(TestType type, TestResult result, int hoursAgo) {
        return new Test(type, TestApplications.hoursBefore(hoursAgo), result);
    }
}
