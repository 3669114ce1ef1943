package org.lantian.platform.airquality;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter of committed recomputations, and a small cache of read results that is valid for one value
 * of it: the overview and the rankings are read far more often than the data change (every client of
 * the office's wall screens asks every minute; the data change once an hour).
 */
@Component
class ResultsGeneration {

    private static final int MAX_ENTRIES = 2_000;

    private final AtomicLong generation = new AtomicLong();
    private final Map<Object, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long generation, Object value) {
    }

    static final String TOPIC = "airquality.generation";
    private final org.lantian.platform.cluster.ClusterBus bus;

    /** Another node's recomputation makes this node's cached answers old too. */
    ResultsGeneration(org.lantian.platform.cluster.ClusterBus bus) {
        this.bus = bus;
        bus.subscribe(TOPIC, body -> advance());
        bus.onResync(this::advance);
    }

    /** Moves to a new generation once the current transaction commits (immediately outside one), on every node. */
    void advanceAfterCommit() {
        bus.publish(TOPIC, "");
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    advance();
                }
            });
        } else {
            advance();
        }
    }

    private void advance() {
        generation.incrementAndGet();
        cache.clear();
    }

    /** The current generation, to pass to {@link #put} for a value computed from now on. */
    long current() {
        return generation.get();
    }

    /** The value cached for {@code key} in this generation, if any. */
    @SuppressWarnings("unchecked")
    <T> java.util.Optional<T> find(Object key) {
        Cached cached = cache.get(key);
        return cached != null && cached.generation() == generation.get() ? java.util.Optional.ofNullable((T) cached.value()) : java.util.Optional.empty();
    }

    /** Caches a value computed since {@code computedIn}; a value overtaken by a newer generation is dropped. */
    void put(Object key, long computedIn, Object value) {
        if (computedIn != generation.get()) {
            return;
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Cached(computedIn, value));
    }

    /** The cached value for {@code key} in this generation, computed by {@code compute} when there is none. */
    <T> T get(Object key, Supplier<T> compute) {
        java.util.Optional<T> cached = find(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        long computedIn = current();
        T value = compute.get();
        put(key, computedIn, value);
        return value;
    }
}
