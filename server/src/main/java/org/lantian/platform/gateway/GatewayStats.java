package org.lantian.platform.gateway;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/** Live counters per device since the gateway started: packets, refusals, last packet, its address. */
@Component
class GatewayStats {

    /** A device's counters; {@code remote} is the address of its last accepted packet. */
    record Live(long packets, long refused, Instant lastPacketAt, String remote) {
    }

    private static final class Counters {
        final AtomicLong packets = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        volatile Instant last;
        volatile String remote;
    }

    private final Map<String, Counters> byMn = new ConcurrentHashMap<>();
    private final AtomicLong unattributed = new AtomicLong();

    void accepted(String mn, Instant at, String remote) {
        Counters c = byMn.computeIfAbsent(mn, k -> new Counters());
        c.packets.incrementAndGet();
        c.last = at;
        c.remote = remote;
    }

    void refused(String mn, Instant at) {
        if (mn == null) {
            unattributed.incrementAndGet();
            return;
        }
        byMn.computeIfAbsent(mn, k -> new Counters()).refused.incrementAndGet();
    }

    Optional<Live> of(String mn) {
        Counters c = byMn.get(mn);
        return c == null ? Optional.empty() : Optional.of(new Live(c.packets.get(), c.refused.get(), c.last, c.remote));
    }

    /** Refusals that could not be put down to a device (junk, no MN). */
    long unattributedRefusals() {
        return unattributed.get();
    }
}
