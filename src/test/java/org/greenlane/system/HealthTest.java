package org.greenlane.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.greenlane.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;

/** What the health endpoint answers a Docker health check or a load balancer, status by status. */
class HealthTest extends IntegrationTest {

    @Autowired
    HttpCodeStatusMapper statusCodes;

    @Test
    void aServerDownOrNotYetReadyAnswers503AndOneOnItsPreviousRuleSetStill200() {
        assertThat(statusCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(new Status("OUT_OF_SYNC"))).isEqualTo(200);
        assertThat(statusCodes.getStatusCode(Status.UP)).isEqualTo(200);
    }
}
