package org.greenlane.impact;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.camunda.bpm.engine.RuntimeService;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.application.ApplicationStore;
import org.greenlane.application.StoredApplication;
import org.greenlane.permit.ApprovedWorkers;
import org.greenlane.permit.Permits;
import org.greenlane.rules.ActiveRuleSet;
import org.greenlane.rules.RuleSetActivated;
import org.greenlane.screening.Finding;
import org.greenlane.screening.Screening;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningRules;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.screening.Severity;
import org.greenlane.system.GreenlaneProperties;
import org.greenlane.timeline.Timeline;
import org.greenlane.workflow.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings every live application's screening to the rule set that is active: when a set goes live on this node, and
 * at start-up for whatever an earlier run left. Each application is re-screened in a transaction of its own, in the
 * background (the swap itself does not wait): its forms and status show the new findings and version; a permit
 * counts only the workers still eligible, with a finding naming the version; an approved application the new set
 * blocks is suspended for the steering committee to resume or revoke. Done when every live application's latest
 * screening is under the active version, which GET /api/rules reports; one already there is left as it is, so a
 * second node or a second pass changes nothing.
 */
@Component
class Rescreening {

    private static final Logger log = LoggerFactory.getLogger(Rescreening.class);
    private static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final ApplicationStore applications;
    private final ActiveRuleSet rules;
    private final Screening screening;
    private final ScreeningStore screenings;
    private final Permits permits;
    private final ApprovedWorkers approvedWorkers;
    private final Timeline timeline;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    /** One pass at a time, on threads of its own. */
    private final ExecutorService passes = Executors.newSingleThreadExecutor(daemon("rescreening"));
    private final ExecutorService workers = Executors.newFixedThreadPool(THREADS, daemon("rescreening-worker"));

    Rescreening(ApplicationStore applications, ActiveRuleSet rules, Screening screening, ScreeningStore screenings,
                Permits permits, ApprovedWorkers approvedWorkers, Timeline timeline, RuntimeService runtime,
                PlatformTransactionManager transactions, GreenlaneProperties properties) {
        this.enabled = properties.rescreenOnActivation();
        this.applications = applications;
        this.rules = rules;
        this.screening = screening;
        this.screenings = screenings;
        this.permits = permits;
        this.approvedWorkers = approvedWorkers;
        this.timeline = timeline;
        this.runtime = runtime;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener
    void activated(RuleSetActivated activated) {
        if (enabled) {
            passes.submit(this::catchUp);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (enabled) {
            passes.submit(this::catchUp);
        }
    }

    @PreDestroy
    void stop() {
        passes.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * Re-screens every live application behind the active version, then asks again for those that arrived or changed
     * meanwhile; one that failed waits for the next pass.
     */
    void catchUp() {
        Set<String> failed = new HashSet<>();
        List<String> pending;
        while (!(pending = behind(failed)).isEmpty()) {
            List<Future<?>> done = new ArrayList<>();
            for (String id : pending) {
                done.add(workers.submit(() -> rescreen(id)));
            }
            for (int i = 0; i < done.size(); i++) {
                try {
                    done.get(i).get();
                } catch (ExecutionException e) {
                    failed.add(pending.get(i));
                    log.warn("Re-screening application {} failed; the next pass tries it again", pending.get(i),
                            e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private List<String> behind(Set<String> failed) {
        return screenings.liveNotScreenedUnder(rules.get().version()).stream().filter(id -> !failed.contains(id))
                .toList();
    }

    private void rescreen(String id) {
        transaction.executeWithoutResult(status -> {
            StoredApplication stored = applications.lock(id);
            ScreeningRules active = rules.get();
            boolean current = screenings.latestVersion(id).map(active.version()::equals).orElse(false);
            if (current || !ApplicationStatus.LIVE.contains(stored.status())) {
                return;
            }
            ScreeningResult result = screening.screen(active, applications.document(id));
            Integer approvedBefore = permits.approvedWorkers(id).orElse(null);
            if (approvedBefore != null) {
                result = withPermitFinding(result, approvedBefore - approvedWorkers.countUnder(id, result));
            }
            screenings.save(id, stored.revision(), result);
            timeline.record(id, "RESCREENED", "system", result.summary());
            if (approvedBefore != null) {
                approvedWorkers.recount(id, result, "re-screened under rule set " + result.ruleSetVersion());
            }
            if (stored.status() == ApplicationStatus.APPROVED && result.hasBlockers()) {
                runtime.createMessageCorrelation(ProcessVariables.RULE_BLOCKER_MESSAGE).processInstanceBusinessKey(id)
                        .correlateAll();
            }
        });
    }

    /** Workers the permit counted and the new rules leave out, said as a finding that names the version. */
    private static ScreeningResult withPermitFinding(ScreeningResult result, int leaving) {
        if (leaving <= 0) {
            return result;
        }
        List<Finding> findings = new ArrayList<>(result.findings());
        findings.add(new Finding("S-RULES-CHANGED", Severity.WARNING, "labour", result.ruleSetVersion(),
                leaving + " người lao động đã được duyệt không còn đủ điều kiện theo bộ quy tắc "
                        + result.ruleSetVersion() + " và không còn được tính trong giấy phép.",
                leaving + " approved workers are no longer eligible under rule set " + result.ruleSetVersion()
                        + " and leave the permit's count."));
        return new ScreeningResult(result.ruleSetVersion(), result.ruleSetChecksum(), result.screenedAt(),
                result.workerCount(), result.eligibleCount(), result.ineligibleCount(), List.copyOf(findings),
                result.vaccinationPriority(), result.workers());
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
