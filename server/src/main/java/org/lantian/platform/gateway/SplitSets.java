package org.lantian.platform.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.lantian.standards.hj212.Hj212Packet;
import org.lantian.standards.hj212.Hj212Reassembler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Follows the sets of split packets (HJ212 §4.5). Each committed piece is already stored and in the series
 * (pieces meet there by DataTime), so a completed set needs nothing more; a set given up incomplete is
 * recorded with the pieces that never came. Open sets live in memory: after a restart a set the device
 * finishes is simply complete, one it never finishes goes unflagged.
 */
@Component
class SplitSets {

    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int MAX_OPEN_SETS = 10_000;

    private final Hj212Reassembler reassembler = new Hj212Reassembler(TIMEOUT, MAX_OPEN_SETS);
    private final JdbcClient jdbc;
    private final Clock clock;

    SplitSets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the pieces among newly committed packets. */
    void committed(List<Hj212Packet> packets) {
        Instant now = clock.instant();
        synchronized (reassembler) {
            packets.stream().filter(Hj212Packet::isPiece).forEach(p -> reassembler.offer(p, now));
        }
    }

    @Scheduled(fixedDelayString = "${lantian.gateway.watch-interval:60s}", initialDelayString = "${lantian.gateway.watch-interval:60s}")
    public void giveUpIncomplete() {
        Instant now = clock.instant();
        List<Hj212Reassembler.Assembled> closed;
        synchronized (reassembler) {
            closed = reassembler.expire(now);
        }
        closed.stream().filter(set -> !set.complete()).forEach(set -> jdbc.sql("""
                        INSERT INTO gateway_split_partial (mn, cn, data_time, pnum, received, missing, given_up_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(set.key().mn(), set.key().cn(), set.key().dataTime(), set.key().pnum(),
                        set.pieces().stream().map(Hj212Packet::pno).toArray(Integer[]::new), set.missing().toArray(Integer[]::new),
                        java.sql.Timestamp.from(now))
                .update());
    }
}
