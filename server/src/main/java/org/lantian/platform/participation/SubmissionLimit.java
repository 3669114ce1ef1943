package org.lantian.platform.participation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often the public may report: at most {@code per-address} an hour from one address, and {@code per-minute} a
 * minute from everyone together (a flood from many addresses fills nothing). Kept in memory on every node (each
 * tells the others over the cluster bus, so two nodes do not allow twice the rate), for the last 10 000
 * addresses: written by hand because it is twenty lines, and a library for it would be larger than the idea.
 */
@Component
class SubmissionLimit {

    private static final int ADDRESSES = 10_000;

    private final Clock clock;
    private final int perAddress;
    private final int perMinute;
    private final Map<String, Deque<Instant>> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > ADDRESSES;
        }
    };
    private final Deque<Instant> everyone = new ArrayDeque<>();

    static final String TOPIC = "participation.submitted";
    private final org.lantian.platform.cluster.ClusterBus bus;

    /** Every node counts what the others took, so the rates hold for the platform, not per node. */
    SubmissionLimit(Clock clock, @Value("${lantian.participation.per-address-hourly:5}") int perAddress,
                    @Value("${lantian.participation.per-minute:60}") int perMinute, org.lantian.platform.cluster.ClusterBus bus) {
        this.bus = bus;
        bus.subscribe(TOPIC, this::counted);
        this.clock = clock;
        this.perAddress = perAddress;
        this.perMinute = perMinute;
    }

    /** Counts one submission from an address, or says why not (then nothing is counted). */
    synchronized void take(String address) {
        Instant now = clock.instant();
        Deque<Instant> mine = byAddress.computeIfAbsent(address, k -> new ArrayDeque<>());
        drop(mine, now.minus(Duration.ofHours(1)));
        drop(everyone, now.minus(Duration.ofMinutes(1)));
        if (mine.size() >= perAddress) {
            throw new TooMany("同一网络一小时内最多提交 " + perAddress + " 次，请稍后再试");
        }
        if (everyone.size() >= perMinute) {
            throw new TooMany("提交的人较多，请一分钟后再试");
        }
        mine.addLast(now);
        everyone.addLast(now);
        bus.publish(TOPIC, address.length() > 200 ? address.substring(0, 200) : address);
    }

    /** Another node took a submission from {@code address}. */
    private synchronized void counted(String address) {
        Instant now = clock.instant();
        Deque<Instant> theirs = byAddress.computeIfAbsent(address, k -> new ArrayDeque<>());
        drop(theirs, now.minus(Duration.ofHours(1)));
        drop(everyone, now.minus(Duration.ofMinutes(1)));
        theirs.addLast(now);
        everyone.addLast(now);
    }

    private static void drop(Deque<Instant> times, Instant before) {
        while (!times.isEmpty() && times.peekFirst().isBefore(before)) {
            times.pollFirst();
        }
    }

    /** Too many submissions: 429. */
    static final class TooMany extends RuntimeException {
        TooMany(String message) {
            super(message, null, false, false);
        }
    }
}
