package org.greenlane.permit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The permit's re-testing timer: workers whose test lapsed drop out of the approved count. */
@Component("checkRetestingDelegate")
class CheckRetestingDelegate implements JavaDelegate {

    private final ApprovedWorkers approvedWorkers;

    CheckRetestingDelegate(ApprovedWorkers approvedWorkers) {
        this.approvedWorkers = approvedWorkers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approvedWorkers.checkRetesting(execution.getProcessBusinessKey(), false);
    }
}
