package org.greenlane.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.ProblemWriter;
import org.greenlane.system.RereadableRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a member's completion of a task before the engine runs it, on both of the engine's REST APIs (its own
 * under /engine-rest and Tasklist's under /camunda/api/engine). The engine sets every variable sent with a
 * completion, and one the task does not own lands on the process instance, where it could overwrite another
 * group's outcome; and a decision the task does not take fails inside its task listener as a 500. Here such a
 * request is answered 400 with the reason in Vietnamese and English, and the engine never sees it.
 */
@Component
@Order(TaskCompletionGuard.ORDER)
class TaskCompletionGuard extends OncePerRequestFilter {

    /** After the engine REST API's authentication ({@code SecurityConfiguration}). */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;
    /** A completion carries a decision and a comment; far more is not one. */
    private static final int MAX_BODY = 1024 * 1024;
    /** A completion (complete, submit-form) or another way to end a task; other task actions pass unchecked. */
    private static final Pattern TASK_ENDING = Pattern.compile("^(?:/engine-rest|/camunda/api/engine)"
            + "(?:/engine/[^/]+)?/task/([^/]+)/(complete|submit-form|bpmnError|bpmnEscalation|resolve)$");
    /** Ends a task without its decision: the process catches no BPMN error or escalation, and delegates nothing. */
    private static final List<String> OTHER_ENDINGS = List.of("bpmnError", "bpmnEscalation", "resolve");

    private final TaskService tasks;
    private final RepositoryService repository;
    private final ObjectMapper json;
    private final ProblemWriter problems;

    TaskCompletionGuard(TaskService tasks, RepositoryService repository, ObjectMapper json, ProblemWriter problems) {
        this.tasks = tasks;
        this.repository = repository;
        this.json = json;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !TASK_ENDING.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher action = TASK_ENDING.matcher(request.getRequestURI());
        action.matches();
        TaskInputs inputs = inputsOf(action.group(1));
        if (inputs == null || !inputs.takesADecision()) {
            chain.doFilter(request, response);
            return;
        }
        if (OTHER_ENDINGS.contains(action.group(2))) {
            refuse(response, List.of(new FieldProblem(action.group(2), "Nhiệm vụ này chỉ hoàn thành bằng một "
                    + "quyết định / This task is completed with a decision only")));
            return;
        }
        RereadableRequest read = RereadableRequest.read(request, MAX_BODY + 1);
        byte[] body = read.body();
        if (body.length > MAX_BODY) {
            problems.write(response, ProblemWriter.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    "A task's completion carries a decision and a comment, not " + MAX_BODY + " bytes."));
            return;
        }
        Map<String, Object> variables;
        try {
            variables = variables(body);
        } catch (JsonProcessingException notJson) {
            // the engine REST API answers malformed JSON itself
            chain.doFilter(read, response);
            return;
        }
        List<FieldProblem> wrong = inputs.problems(variables);
        if (!wrong.isEmpty()) {
            refuse(response, wrong);
            return;
        }
        chain.doFilter(read, response);
    }

    /**
     * The task's declared inputs, or null when there is no such task. Looked up as the caller where the engine
     * REST API authenticated one; an unknown task id is left for the engine to answer.
     */
    private TaskInputs inputsOf(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessDefinitionId() == null) {
            return null;
        }
        var element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return element instanceof UserTask userTask ? TaskInputs.of(userTask) : null;
    }

    /** The engine REST API's variables, {@code {"name": {"value": …, "type": …}}}, as plain values. */
    private Map<String, Object> variables(byte[] body) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode root = body.length == 0 ? null : json.readTree(body);
        JsonNode variables = root == null ? null : root.get("variables");
        if (variables != null && variables.isObject()) {
            variables.fields().forEachRemaining(entry -> {
                JsonNode value = entry.getValue().get("value");
                values.put(entry.getKey(), value == null || value.isNull() ? null
                        : value.isTextual() ? value.asText() : value.toString());
            });
        }
        return values;
    }

    /** Camunda's clients (Tasklist among them) show an error's {@code message}: it says the same as the detail. */
    private void refuse(HttpServletResponse response, List<FieldProblem> wrong) throws IOException {
        ProblemDetail problem = ProblemWriter.invalidFields(wrong);
        problem.setTitle("Task not completed");
        problem.setProperty("message", String.join("; ", wrong.stream().map(FieldProblem::message).toList()));
        problems.write(response, problem);
    }
}
