package org.greenlane.system;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** How many commits shared each write of the H2 file (/actuator/prometheus); both stay 0 on PostgreSQL. */
@Component
class GroupCommitMetrics implements MeterBinder {

    private final DataSource dataSource;

    GroupCommitMetrics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        GroupCommit commits;
        try {
            commits = dataSource.unwrap(GroupCommit.class);
        } catch (SQLException e) {
            throw new IllegalStateException("The data source is not behind GroupCommit", e);
        }
        FunctionCounter.builder("greenlane.h2.commits.waited", commits, GroupCommit::commitsWaited)
                .description("Commits that changed data and waited for the H2 file").register(registry);
        FunctionCounter.builder("greenlane.h2.file.writes", commits, GroupCommit::fileWrites)
                .description("Writes of the H2 file made for waiting commits").register(registry);
    }
}
