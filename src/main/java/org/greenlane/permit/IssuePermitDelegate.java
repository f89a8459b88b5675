package org.greenlane.permit;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.system.GreenlaneProperties;
import org.springframework.stereotype.Component;

/** Issues the restart permit for the workers the latest screening found eligible. */
@Component("issuePermitDelegate")
class IssuePermitDelegate implements JavaDelegate {

    private final ScreeningStore screenings;
    private final Permits permits;
    private final PermitIssuer issuer;
    private final Clock clock;
    private final GreenlaneProperties properties;

    IssuePermitDelegate(ScreeningStore screenings, Permits permits, PermitIssuer issuer, Clock clock,
                        GreenlaneProperties properties) {
        this.screenings = screenings;
        this.permits = permits;
        this.issuer = issuer;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        int eligible = screenings.latest(id)
                .orElseThrow(() -> new IllegalStateException("Application " + id + " was never screened"))
                .eligibleCount();
        permits.create(id, eligible, clock.instant(), properties.zone());
        issuer.issue(id, "approved");
    }
}
