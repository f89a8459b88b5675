package org.greenlane.workflow;

import java.time.Duration;
import org.greenlane.system.GreenlaneProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Settings the BPMN reads by expression ({@code ${processSettings.correctionPeriod}}); public for the EL. */
@Component("processSettings")
public class ProcessSettings {

    private final String correctionPeriod;

    @Autowired
    public ProcessSettings(GreenlaneProperties properties) {
        this(properties.correctionPeriod());
    }

    public ProcessSettings(Duration correctionPeriod) {
        this.correctionPeriod = correctionPeriod.toString();
    }

    /** How long an application waits for its correction before it expires, as an ISO-8601 duration. */
    public String getCorrectionPeriod() {
        return correctionPeriod;
    }
}
