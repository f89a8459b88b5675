package org.greenlane.permit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Resuming after a case: the permit's approved count leaves out the workers the case isolates. */
@Component("resumePermitDelegate")
class ResumePermitDelegate implements JavaDelegate {

    private final ApprovedWorkers approvedWorkers;

    ResumePermitDelegate(ApprovedWorkers approvedWorkers) {
        this.approvedWorkers = approvedWorkers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approvedWorkers.recount(execution.getProcessBusinessKey(), "infection case resumed, contacts isolated");
    }
}
