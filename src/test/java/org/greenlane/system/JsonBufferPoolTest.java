package org.greenlane.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.greenlane.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's JSON mapper takes its buffers from one small shared pool, and reads as strictly as before. */
class JsonBufferPoolTest extends IntegrationTest {

    @Autowired
    ObjectMapper json;

    @Test
    void requestThreadsShareABoundedPoolOfJsonBuffersAndTheStrictSettingsStillHold() {
        assertThat(json.getFactory()._getRecyclerPool()).isInstanceOf(JsonRecyclerPools.BoundedPool.class);
        assertThatThrownBy(() -> json.readTree("{\"park\": \"Vân Trung\", \"park\": \"Quang Châu\"}"))
                .hasMessageContaining("Duplicate field 'park'");
    }
}
