package org.greenlane.workflow;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** The engine's REST API, with a lost race answered as 409 Conflict instead of 500. */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    private final HistoryService history;
    private final IdentityService identity;

    EngineRestConfiguration(HistoryService history, IdentityService identity) {
        this.history = history;
        this.identity = identity;
    }

    @Override
    protected void registerAdditionalResources() {
        register(new ConcurrentChangeIsAConflict(history, identity));
    }

    /**
     * Two members completing one task at once: the first wins. The second fails in whichever way the engine met
     * the first one's commit (a version clash, or the task already gone); either way it hears 409 and why.
     */
    static class ConcurrentChangeIsAConflict implements ContainerResponseFilter {

        private static final Pattern COMPLETE = Pattern.compile("task/([^/]+)/(complete|submit-form)$");

        private final HistoryService history;
        private final IdentityService identity;

        ConcurrentChangeIsAConflict(HistoryService history, IdentityService identity) {
            this.history = history;
            this.identity = identity;
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (response.getStatus() < 400 || !(response.getEntity() instanceof ExceptionDto error)) {
                return;
            }
            if (OptimisticLockingException.class.getSimpleName().equals(error.getType())) {
                conflict(response, error, "Someone else completed or changed this task at the same moment; reload it.");
                return;
            }
            Matcher completing = COMPLETE.matcher(request.getUriInfo().getPath());
            if ("POST".equals(request.getMethod()) && completing.find()) {
                HistoricTaskInstance task = completedTask(completing.group(1));
                if (task != null && task.getEndTime() != null) {
                    conflict(response, error, "This task was completed"
                            + (task.getAssignee() == null ? "" : " by " + task.getAssignee())
                            + " a moment ago; it needs nothing more.");
                }
            }
        }

        /** Looked up as the server, not as the member: members may not read history, yet may hear of it. */
        private HistoricTaskInstance completedTask(String taskId) {
            var member = identity.getCurrentAuthentication();
            identity.clearAuthentication();
            try {
                return history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            } finally {
                if (member != null) {
                    identity.setAuthentication(member);
                }
            }
        }

        private static void conflict(ContainerResponseContext response, ExceptionDto error, String message) {
            response.setStatus(409);
            error.setMessage(message + " (" + error.getMessage() + ")");
        }
    }
}
