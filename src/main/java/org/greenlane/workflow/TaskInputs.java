package org.greenlane.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.PlainText;

/**
 * What a user task takes from the member who completes it, as its BPMN declares: its input parameters (the only
 * variables a member may send), the decisions it offers ({@value #DECISIONS}) and those that need no comment
 * ({@value #WITHOUT_COMMENT}). Every message is in Vietnamese and English: Tasklist shows it to the official.
 */
record TaskInputs(Set<String> names, List<String> decisions, List<String> withoutComment) {

    static final String DECISIONS = "decisions";
    static final String WITHOUT_COMMENT = "decisionsWithoutComment";

    static TaskInputs of(UserTask task) {
        Set<String> names = new LinkedHashSet<>();
        List<String> decisions = List.of();
        List<String> withoutComment = List.of();
        ExtensionElements extensions = task.getExtensionElements();
        if (extensions != null) {
            for (CamundaInputOutput io : extensions.getChildElementsByType(CamundaInputOutput.class)) {
                io.getCamundaInputParameters().stream().map(CamundaInputParameter::getCamundaName).forEach(names::add);
            }
            for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
                for (CamundaProperty property : properties.getCamundaProperties()) {
                    if (DECISIONS.equals(property.getCamundaName())) {
                        decisions = words(property.getCamundaValue());
                    } else if (WITHOUT_COMMENT.equals(property.getCamundaName())) {
                        withoutComment = words(property.getCamundaValue());
                    }
                }
            }
        }
        return new TaskInputs(Set.copyOf(names), decisions, withoutComment);
    }

    /** Whether the task is decided by a member at all; other tasks are left to the engine as they are. */
    boolean takesADecision() {
        return !decisions.isEmpty();
    }

    /** What is wrong with the variables a member sends (name → plain value), field by field; empty when nothing. */
    List<FieldProblem> problems(Map<String, ?> submitted) {
        List<FieldProblem> problems = new ArrayList<>();
        submitted.keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(name ->
                problems.add(new FieldProblem("variables." + name, "không được gửi cùng nhiệm vụ này, chỉ "
                        + String.join(", ", names) + " / may not be sent with this task, only "
                        + String.join(", ", names))));
        decisionProblem(submitted.get(ProcessVariables.DECISION), comment(submitted.get(ProcessVariables.COMMENT)))
                .ifPresent(problems::add);
        return problems;
    }

    /** Whether the task takes this decision with this comment (stripped, empty when none). */
    Optional<FieldProblem> decisionProblem(Object decision, String comment) {
        Optional<String> notPlainText = PlainText.Validator.problem(comment, true);
        if (notPlainText.isPresent()) {
            return Optional.of(new FieldProblem("variables." + ProcessVariables.COMMENT, notPlainText.get()));
        }
        if (!(decision instanceof String value) || !decisions.contains(value)) {
            return Optional.of(new FieldProblem("variables." + ProcessVariables.DECISION, "phải là một trong "
                    + String.join(", ", decisions) + " / must be one of " + String.join(", ", decisions)));
        }
        if (!withoutComment.contains(value) && comment.isEmpty()) {
            return Optional.of(new FieldProblem("variables." + ProcessVariables.COMMENT,
                    "Cần ghi ý kiến cho quyết định " + value + " / A comment is required to " + value));
        }
        return Optional.empty();
    }

    static String comment(Object comment) {
        return comment == null ? "" : comment.toString().strip();
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }
}
