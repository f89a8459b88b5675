package org.greenlane.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.greenlane.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The server's data source is behind {@link GroupCommit}, and its counters are published. */
class GroupCommitWiringTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void theServersDataSourceIsBehindGroupCommitAndItsCountersArePublished() throws Exception {
        assertThat(dataSource.isWrapperFor(GroupCommit.class)).isTrue();
        assertThat(meters.find("greenlane.h2.commits.waited").functionCounter()).isNotNull();
        assertThat(meters.find("greenlane.h2.file.writes").functionCounter()).isNotNull();
    }
}
