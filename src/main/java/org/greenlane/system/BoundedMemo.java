package org.greenlane.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a pure function gave for a key, up to a bound; when full it forgets everything and starts again,
 * so keys sent to fill it only cost a refill, never unbounded memory. Computed outside any lock: two threads asking
 * for the same new key may both compute it, harmlessly.
 */
public final class BoundedMemo<K, V> {

    private final int bound;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public BoundedMemo(int bound) {
        this.bound = bound;
    }

    public V get(K key, Function<K, V> compute) {
        V value = values.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (values.size() >= bound) {
                values.clear();
            }
            values.put(key, value);
        }
        return value;
    }
}
