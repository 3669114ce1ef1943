package org.lantian.platform.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refusals are stored to show a device's operator what went wrong, not to record every byte an unknown
 * sender throws at the port: per source address, the first {@code perMinute} refusals of a minute are
 * stored whole; the rest are counted and stored as one summary row when the minute ends. One address
 * sending junk at full speed costs at most that many rows a minute, not 1 300 a second.
 */
@Component
class RefusalSampler {

    static final String SUPPRESSED = "SUPPRESSED";
    /** Addresses followed at once; an attacker with more is summarised as "others". */
    static final int MAX_ADDRESSES = 10_000;

    private record Minute(long minute, AtomicInteger stored, AtomicInteger suppressed) {
    }

    private final Map<String, Minute> minutes = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    RefusalSampler(@Value("${lantian.gateway.refusals-per-minute:20}") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Whether this refusal from {@code remote} is stored whole; if not, it is counted for the summary. */
    boolean admit(String remote, Instant at) {
        remote = host(remote);
        long minute = at.getEpochSecond() / 60;
        String key = minutes.size() >= MAX_ADDRESSES && !minutes.containsKey(remote) ? "others" : remote;
        Minute current = minutes.compute(key, (k, m) -> m == null || m.minute() != minute
                ? new Minute(minute, new AtomicInteger(), new AtomicInteger()) : m);
        if (current.stored().incrementAndGet() <= perMinute) {
            return true;
        }
        current.suppressed().incrementAndGet();
        return false;
    }

    /** The address without its port ({@link PacketHandler#remote} writes host:port): a sender that reconnects is the same sender. */
    static String host(String remote) {
        int colon = remote == null ? -1 : remote.lastIndexOf(':');
        return colon > 0 ? remote.substring(0, colon) : String.valueOf(remote);
    }

    /** One summary row per address whose minute has ended with refusals not stored whole; forgets ended minutes. */
    void drain(java.util.function.BiConsumer<String, Integer> summary) {
        long now = clock.instant().getEpochSecond() / 60;
        minutes.entrySet().removeIf(e -> {
            if (e.getValue().minute() >= now) {
                return false;
            }
            int suppressed = e.getValue().suppressed().get();
            if (suppressed > 0) {
                summary.accept(e.getKey(), suppressed);
            }
            return true;
        });
    }
}
