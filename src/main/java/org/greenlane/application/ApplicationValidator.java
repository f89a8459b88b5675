package org.greenlane.application;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Checks a whole application at once, field rules and references together, so the enterprise hears of every bad
 * field in one answer.
 */
@Component
public class ApplicationValidator {

    private final Validator validator;

    ApplicationValidator(Validator validator) {
        this.validator = validator;
    }

    public void check(ApplicationDocument application) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<ApplicationDocument> violation : validator.validate(application)) {
            problems.add(new FieldProblem(jsonPath(violation.getPropertyPath()), violation.getMessage()));
        }
        checkReferences(application, problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidRequestException(problems);
        }
    }

    /** The path as the body spells it: a null entry is {@code workers[1]}, not {@code workers[1].<list element>}. */
    private static String jsonPath(Path path) {
        StringBuilder json = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                json.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                json.append(json.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return json.toString();
    }

    private static void checkReferences(ApplicationDocument application, List<FieldProblem> problems) {
        Set<String> sites = uniqueIds(application.accommodations(), ApplicationDocument.Accommodation::id,
                "accommodations", "id", problems).keySet();
        Set<String> shuttles = uniqueIds(application.shuttles(), ApplicationDocument.Shuttle::id,
                "shuttles", "id", problems).keySet();
        uniqueIds(application.workers(), ApplicationDocument.Worker::citizenId, "workers", "citizenId", problems);
        List<ApplicationDocument.Worker> workers = application.workers() == null ? List.of() : application.workers();
        for (int i = 0; i < workers.size(); i++) {
            ApplicationDocument.Worker worker = workers.get(i);
            if (worker == null) {
                continue;
            }
            if (worker.accommodationId() != null && !sites.contains(worker.accommodationId())) {
                problems.add(new FieldProblem("workers[" + i + "].accommodationId",
                        "refers to no accommodation of this application: " + worker.accommodationId()));
            }
            if (worker.shuttleId() != null && !shuttles.contains(worker.shuttleId())) {
                problems.add(new FieldProblem("workers[" + i + "].shuttleId",
                        "refers to no shuttle of this application: " + worker.shuttleId()));
            }
        }
    }

    /** The ids of a list, each reported once where it repeats an earlier entry. */
    private static <T> Map<String, Integer> uniqueIds(List<T> items, Function<T, String> id, String list,
                                                      String field, List<FieldProblem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        if (items == null) {
            return seen;
        }
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String value = item == null ? null : id.apply(item);
            if (value == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(value, i);
            if (first != null) {
                problems.add(new FieldProblem(list + "[" + i + "]." + field,
                        "repeats " + list + "[" + first + "]." + field + " (" + value + ")"));
            }
        }
        return seen;
    }
}
