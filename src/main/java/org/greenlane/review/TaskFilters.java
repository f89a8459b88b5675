package org.greenlane.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.greenlane.workflow.ProcessVariables;

/**
 * The task filters Tasklist shows, created or brought up to date at every start (found by name, so that a
 * member's bookmarks keep working), and the groups that may read each. Tasklist shows no task until a filter
 * exists.
 */
final class TaskFilters {

    static final String OPEN_TASKS = "Nhiệm vụ đang mở của tổ tôi / My group's open tasks";
    static final String OVERDUE = "Quá hạn / Overdue";
    static final String AWAITING_DECISION = "Chờ quyết định / Awaiting decision";
    /** The name the open-tasks filter had before; an existing one is renamed rather than duplicated. */
    static final String FORMER_OPEN_TASKS = "Nhiệm vụ của tổ tôi / My group's tasks";

    static final String STEERING_TASK = "steeringDecision";

    /** What a task card in the list shows besides the task's name: the enterprise and its park. */
    private static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", ProcessVariables.ENTERPRISE_NAME, "label", "Doanh nghiệp"),
            Map.of("name", ProcessVariables.INDUSTRIAL_PARK, "label", "KCN (park)"));

    private final FilterService filters;
    private final TaskService tasks;

    TaskFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    /** Ensures every filter; answers each filter's id with the groups that may read it. */
    Map<String, List<String>> ensureAll() {
        List<String> everyone = WorkingGroups.DECIDING;
        Map<String, List<String>> readers = new LinkedHashMap<>();
        readers.put(ensure(OPEN_TASKS, List.of(FORMER_OPEN_TASKS), -10,
                "Các nhiệm vụ của tổ bạn chưa hoàn thành / Your group's tasks not yet completed",
                ownGroups()), everyone);
        readers.put(ensure(AWAITING_DECISION, List.of(), -9,
                "Hồ sơ các tổ đã thẩm định xong, chờ Ban chỉ đạo quyết định / Applications the four groups have "
                        + "reviewed, awaiting the steering committee's decision",
                tasks.createTaskQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                        .taskDefinitionKey(STEERING_TASK)), List.of(WorkingGroups.STEERING));
        readers.put(ensure(OVERDUE, List.of(), -8,
                "Nhiệm vụ của tổ bạn đã quá hạn xử lý / Your group's tasks past their due date",
                ownGroups().dueBeforeExpression("${now()}")), everyone);
        return readers;
    }

    /** The tasks offered to any group of the member who looks, and those already claimed. */
    private TaskQuery ownGroups() {
        return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
    }

    private String ensure(String name, List<String> formerNames, int priority, String description, TaskQuery query) {
        Filter filter = find(name);
        for (int i = 0; filter == null && i < formerNames.size(); i++) {
            filter = find(formerNames.get(i));
        }
        if (filter == null) {
            filter = filters.newTaskFilter(name).setOwner("admin");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", CARD_VARIABLES);
        filter.setName(name).setQuery(query).setProperties(properties);
        try {
            return filters.saveFilter(filter).getId();
        } catch (OptimisticLockingException e) {
            // another node, starting at the same moment, has just written the same filter
            return find(name).getId();
        }
    }

    /** The first of that name: two nodes starting together on a new database may each have made one. */
    private Filter find(String name) {
        List<Filter> found = filters.createFilterQuery().filterName(name).orderByFilterId().asc().list();
        return found.isEmpty() ? null : found.get(0);
    }
}
