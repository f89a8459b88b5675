package org.greenlane.permit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Resuming after an infection case or a rule change: the permit counts what screening and cases allow now, and is
 * issued again.
 */
@Component("resumePermitDelegate")
class ResumePermitDelegate implements JavaDelegate {

    private final ApprovedWorkers approvedWorkers;

    ResumePermitDelegate(ApprovedWorkers approvedWorkers) {
        this.approvedWorkers = approvedWorkers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approvedWorkers.resume(execution.getProcessBusinessKey());
    }
}
