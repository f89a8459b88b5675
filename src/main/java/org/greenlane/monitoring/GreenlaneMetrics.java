package org.greenlane.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.application.ApplicationStore;
import org.greenlane.review.WorkingGroups;
import org.springframework.stereotype.Component;

/**
 * Gauges read at scrape time (/actuator/prometheus): applications by status, and each group's open tasks with
 * the age of the oldest. Screening and rule-reload meters are recorded where those things happen.
 */
@Component
class GreenlaneMetrics implements MeterBinder {

    private final ApplicationStore applications;
    private final TaskService tasks;
    private final Clock clock;

    GreenlaneMetrics(ApplicationStore applications, TaskService tasks, Clock clock) {
        this.applications = applications;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ApplicationStatus status : ApplicationStatus.values()) {
            Gauge.builder("greenlane.applications", applications, store -> store.count(status))
                    .description("Applications by status").tag("status", status.name()).register(registry);
        }
        for (String group : WorkingGroups.DECIDING) {
            Gauge.builder("greenlane.tasks.open", tasks, t -> t.createTaskQuery().taskCandidateGroup(group).count())
                    .description("Open review tasks by group").tag("group", group).register(registry);
            Gauge.builder("greenlane.tasks.oldest.age", tasks, t -> oldestAgeSeconds(group))
                    .description("Age of the group's oldest open task").baseUnit("seconds").tag("group", group)
                    .register(registry);
        }
    }

    private double oldestAgeSeconds(String group) {
        List<Task> oldest = tasks.createTaskQuery().taskCandidateGroup(group).orderByTaskCreateTime().asc()
                .listPage(0, 1);
        return oldest.isEmpty() ? 0 : (clock.millis() - oldest.get(0).getCreateTime().getTime()) / 1000.0;
    }
}
