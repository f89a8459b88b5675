package org.greenlane.permit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationStore;
import org.greenlane.rules.ActiveRuleSet;
import org.greenlane.screening.Screening;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues a permit as it stands now: a signed token for the permit and a pass for each shuttle, under the next
 * serial, valid for the active rule set's re-test interval ({@code retest-interval-days}, the same number the
 * re-testing check counts by). A checkpoint takes only the latest issue's tokens.
 */
@Component
class PermitIssuer {

    static final String RETEST_INTERVAL = "retest-interval-days";
    private static final Logger log = LoggerFactory.getLogger(PermitIssuer.class);

    private final Permits permits;
    private final PermitTokens tokens;
    private final ApplicationStore applications;
    private final ScreeningStore screenings;
    private final Screening screening;
    private final ActiveRuleSet rules;
    private final Timeline timeline;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PermitIssuer(Permits permits, PermitTokens tokens, ApplicationStore applications, ScreeningStore screenings,
                 Screening screening, ActiveRuleSet rules, Timeline timeline, Clock clock,
                 PlatformTransactionManager transactions) {
        this.permits = permits;
        this.tokens = tokens;
        this.applications = applications;
        this.screenings = screenings;
        this.screening = screening;
        this.rules = rules;
        this.timeline = timeline;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A new issue of the application's permit; the timeline says why. */
    void issue(String id, String why) {
        Permits.Permit permit = permits.of(id).orElseThrow(() -> new IllegalStateException("Application " + id
                + " has no permit"));
        ApplicationDocument document = applications.document(id);
        String ruleSetVersion = screenings.latestVersion(id).orElseThrow();
        Instant now = clock.instant();
        Instant until = now.plus(validity(id));
        int serial = permit.serial() + 1;
        var enterprise = document.enterprise();
        List<String> plates = document.shuttles().stream().map(ApplicationDocument.Shuttle::plate).toList();
        String token = tokens.sign(new PermitClaims(PermitClaims.Kind.PERMIT, permit.number(), serial,
                enterprise.taxCode(), enterprise.name(), enterprise.industrialPark(), permit.approvedWorkers(), plates,
                null, null, null, ruleSetVersion, now, until));
        List<Permits.ShuttlePass> passes = document.shuttles().stream().map(shuttle -> new Permits.ShuttlePass(
                shuttle.id(), shuttle.plate(), shuttle.driver().fullName(), shuttle.seats(),
                tokens.sign(new PermitClaims(PermitClaims.Kind.SHUTTLE_PASS, permit.number(), serial,
                        enterprise.taxCode(), enterprise.name(), enterprise.industrialPark(), null, null,
                        shuttle.plate(), shuttle.driver().fullName(), shuttle.seats(), ruleSetVersion, now, until))))
                .toList();
        permits.saveIssue(id, serial, now, until, ruleSetVersion, token, passes);
        timeline.record(id, serial == 1 ? "PERMIT_ISSUED" : "PERMIT_REISSUED", "system", String.format("%s issue %d: %d workers, %d shuttle passes, "
                + "valid until %s (%s)", permit.number(), serial, permit.approvedWorkers(), passes.size(), until, why));
    }

    /**
     * The re-test interval of the active rules. A rule set without it is refused nothing (the re-testing check
     * reports it as P-PARAMETER-MISSING), so the permit is issued expired: checkpoints turn it away until the rules
     * are fixed, rather than take it for an interval nobody set.
     */
    private Duration validity(String id) {
        OptionalDouble days = screening.policyParameter(rules.get(), RETEST_INTERVAL);
        if (days.isEmpty()) {
            log.warn("Permit of application {} issued expired: the rule set has no {}", id, RETEST_INTERVAL);
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Math.round(days.getAsDouble() * Duration.ofDays(1).toSeconds()));
    }

    /** Permits approved before permits were tokens get their first issue at start-up, each in a transaction. */
    @EventListener(ApplicationReadyEvent.class)
    void issueMissing() {
        for (String id : permits.withoutTokens()) {
            transaction.executeWithoutResult(status -> {
                applications.lock(id);
                if (permits.of(id).orElseThrow().serial() == 0) {
                    issue(id, "permits became signed tokens");
                }
            });
        }
    }
}
