package org.greenlane.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.screening.TestChanges.residence;
import static org.greenlane.screening.TestChanges.workers;

import com.fasterxml.jackson.databind.JsonNode;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.screening.TestChanges;
import org.junit.jupiter.api.Test;

/** What an enterprise reads of its application's screening: its workers' reasons, each in words. */
class StatusViewTest extends IntegrationTest {

    @Test
    void theStatusSaysWhatEachReasonOfAWorkerMeansInBothLanguages() {
        // given an application of five with two workers in a lockdown commune, one of them untested too
        String id = submitForReview(workers(workers(TestApplications.clean(5),
                w -> residence(w, "Việt Yên", "Vân Trung"), 0, 1), TestChanges::untested, 1));

        // when its enterprise reads its status
        JsonNode screening = status(id).get("screening");

        // then each code among the workers' reasons reads as said of one worker, the findings keep their count
        JsonNode lockdown = reason(screening, "W-LOCKDOWN-RESIDENCE");
        assertThat(screening.get("workerReasons")).hasSize(2);
        assertThat(lockdown.get("messageVi").asText()).isEqualTo("Nơi cư trú thuộc xã, phường đang bị phong tỏa.");
        assertThat(lockdown.get("messageEn").asText()).isEqualTo("Lives in a commune under lockdown.");
        assertThat(lockdown.get("group").asText()).isEqualTo("health");
        assertThat(reason(screening, "W-NO-RECENT-PCR").get("messageEn").asText()).doesNotContain("workers)");
        assertThat(screening.get("findings").findValuesAsText("messageVi"))
                .contains(lockdown.get("messageVi").asText() + " (2 người lao động)");
        assertThat(screening.get("ineligibleWorkers").findValuesAsText("citizenId")).hasSize(2);
    }

    private static JsonNode reason(JsonNode screening, String code) {
        for (JsonNode reason : screening.get("workerReasons")) {
            if (reason.get("code").asText().equals(code)) {
                return reason;
            }
        }
        throw new AssertionError("no reason " + code + " in " + screening.get("workerReasons"));
    }
}
