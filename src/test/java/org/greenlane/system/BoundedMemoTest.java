package org.greenlane.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMemoTest {

    private final AtomicInteger computed = new AtomicInteger();
    private final BoundedMemo<Integer, String> memo = new BoundedMemo<>(3);

    private String square(int n) {
        computed.incrementAndGet();
        return Integer.toString(n * n);
    }

    @Test
    void aKeyIsComputedOnceUntilTheBoundIsReachedThenEverythingIsForgotten() {
        assertThat(memo.get(2, this::square)).isEqualTo("4");
        assertThat(memo.get(2, this::square)).isEqualTo("4");
        assertThat(computed).hasValue(1);

        memo.get(3, this::square);
        memo.get(4, this::square);
        assertThat(memo.get(2, this::square)).isEqualTo("4");
        assertThat(computed).hasValue(3);

        // the fourth key finds the memo full: it starts again with that key alone
        memo.get(5, this::square);
        assertThat(memo.get(2, this::square)).isEqualTo("4");
        assertThat(computed).hasValue(5);
    }
}
