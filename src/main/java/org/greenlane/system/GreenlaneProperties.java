package org.greenlane.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Greenlane's own settings ({@code greenlane.*}).
 *
 * @param dataDir      where the embedded H2 database lives (GREENLANE_DATA_DIR), ./data by default
 * @param rulesDir     the folder of DRL files and decision tables the server screens with (GREENLANE_RULES_DIR)
 * @param zone         the province's time zone: close-contact dates and permit years are counted in it
 * @param demo         demo accounts, created only when enabled
 * @param correctionPeriod how long an application waits for its correction before it expires (14 days)
 * @param retestCheck  how often an approved application's re-testing is checked (daily)
 * @param reviewDue    how long a working group or the steering committee has for its task before it shows as
 *                     overdue in Tasklist (GREENLANE_REVIEW_DUE, ISO-8601, 24 hours)
 * @param trustedOrigins web origins besides the server's own whose pages may call the API's state-changing
 *                     operations from a browser ({@code https://portal.bacgiang.gov.vn}); none by default
 * @param rescreenOnActivation re-screen every live application when a rule set goes live, and at start-up what is
 *                     left (GREENLANE_RESCREEN_ON_ACTIVATION, on by default)
 * @param permit       how permits are signed
 */
@ConfigurationProperties("greenlane")
public record GreenlaneProperties(Path dataDir, Path rulesDir, ZoneId zone, Demo demo, Duration correctionPeriod,
                                  Duration reviewDue, Duration retestCheck, List<String> trustedOrigins,
                                  Boolean rescreenOnActivation, Permit permit) {

    public GreenlaneProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        rulesDir = rulesDir == null ? Path.of("rules") : rulesDir;
        zone = zone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : zone;
        demo = demo == null ? new Demo(true, "demo") : demo;
        correctionPeriod = correctionPeriod == null ? Duration.ofDays(14) : correctionPeriod;
        reviewDue = reviewDue == null ? Duration.ofHours(24) : reviewDue;
        retestCheck = retestCheck == null ? Duration.ofDays(1) : retestCheck;
        trustedOrigins = trustedOrigins == null ? List.of() : List.copyOf(trustedOrigins);
        rescreenOnActivation = rescreenOnActivation == null || rescreenOnActivation;
        permit = permit == null ? new Permit(null, null) : permit;
    }

    /**
     * @param enabled  create the demo staff (health1, housing1, labour1, transport1, steering1, admin) at startup
     * @param password the demo staff's password
     */
    public record Demo(boolean enabled, String password) {
    }

    /**
     * @param signingKey the key permits are signed with (GREENLANE_PERMIT_SIGNING_KEY): PEM text, or the path of a
     *                   PEM file, holding an EC P-256 private key, then the public keys of earlier signing keys
     *                   whose permits checkpoints should still take
     * @param devKey     without a signing key, sign with a development key the server makes once and keeps in its
     *                   database; off in the prod profile, where a missing key stops the start
     */
    public record Permit(String signingKey, Boolean devKey) {

        public Permit {
            signingKey = signingKey == null ? "" : signingKey.strip();
            devKey = devKey == null || devKey;
        }
    }
}
