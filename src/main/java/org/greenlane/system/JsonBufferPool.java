package org.greenlane.system;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jackson's read and write buffers, shared by all request threads instead of kept by each. By default every thread
 * keeps its own, grown to the largest JSON it has written (~90 KB for an application of 144 workers): with 168
 * enterprises submitting at once, each waiting on its own request thread, the live heap grew by ~15 MB of such
 * buffers (char arrays 1.6 → 19 MB) until the burst ended, and the old generation filled every few seconds
 * (src/bench/BENCHMARKS.md).
 */
@Configuration(proxyBeanMethods = false)
class JsonBufferPool {

    /** Buffers are in use only while JSON is read or written: a few per core are enough to be reused. */
    private static final RecyclerPool<BufferRecycler> SHARED =
            JsonRecyclerPools.newBoundedPool(4 * Runtime.getRuntime().availableProcessors());

    @Bean
    Jackson2ObjectMapperBuilderCustomizer sharedJsonBuffers() {
        return builder -> builder.factory(JsonFactory.builder().recyclerPool(SHARED).build());
    }
}
