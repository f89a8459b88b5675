package org.greenlane.system;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jackson's read and write buffers, shared by all request threads instead of kept by each: a thread keeps its own
 * grown to the largest document it wrote, and a burst of submissions on many threads filled the heap with them.
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
