package org.greenlane.workflow;

import java.time.Duration;
import org.greenlane.system.GreenlaneProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Settings the BPMN reads by expression ({@code ${processSettings.correctionPeriod}},
 * {@code ${processSettings.reviewDue}}); public for the EL.
 */
@Component("processSettings")
public class ProcessSettings {

    private final String correctionPeriod;
    private final String reviewDue;
    private final String retestCheckCycle;

    @Autowired
    public ProcessSettings(GreenlaneProperties properties) {
        this(properties.correctionPeriod(), properties.reviewDue(), properties.retestCheck());
    }

    public ProcessSettings(Duration correctionPeriod, Duration reviewDue, Duration retestCheck) {
        this.correctionPeriod = correctionPeriod.toString();
        this.reviewDue = reviewDue.toString();
        this.retestCheckCycle = "R/" + retestCheck;
    }

    /** How often an approved application's re-testing is checked, as an ISO-8601 repeating interval. */
    public String getRetestCheckCycle() {
        return retestCheckCycle;
    }

    /** How long an application waits for its correction before it expires, as an ISO-8601 duration. */
    public String getCorrectionPeriod() {
        return correctionPeriod;
    }

    /**
     * How long a group has for its review task, as an ISO-8601 duration: the engine turns it into the task's due
     * date when the task is created, and Tasklist's "Overdue" filter lists the tasks past it.
     */
    public String getReviewDue() {
        return reviewDue;
    }
}
