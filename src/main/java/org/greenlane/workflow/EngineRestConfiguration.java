package org.greenlane.workflow;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** The engine's REST API, with a lost race answered as 409 Conflict instead of 500. */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(ConcurrentChangeIsAConflict.class);
    }

    /** Two members completing one task at once: the first wins, the second hears why, as a conflict. */
    public static class ConcurrentChangeIsAConflict implements ContainerResponseFilter {

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (response.getStatus() == 500 && response.getEntity() instanceof ExceptionDto error
                    && Integer.valueOf(BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode()).equals(error.getCode())) {
                response.setStatus(409);
                error.setMessage("Someone else completed or changed this task at the same moment; reload it. ("
                        + error.getMessage() + ")");
            }
        }
    }
}
