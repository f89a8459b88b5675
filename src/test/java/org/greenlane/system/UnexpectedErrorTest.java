package org.greenlane.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A failure of the server's own is a problem too: 500 as problem+json, saying nothing of its insides. */
class UnexpectedErrorTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailureOfTheServersOwnIsAProblemWithoutItsInsides() {
        // given a stored screening the server cannot read back
        String id = submitForReview(TestApplications.clean(2));
        jdbc.sql("update screening set result = '{not json' where application_id = ?").param(id).update();

        // when the enterprise reads it
        ResponseEntity<String> answer = http.getForEntity("/api/applications/{id}/screening", String.class, id);

        // then
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).contains("\"title\":\"Internal error\"")
                .doesNotContain("Exception", "org.greenlane", "trace");
    }
}
