package org.lantian.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.lantian.standards.BeijingTime;

/** A clock tests can move; it follows real time until a test sets or advances it. */
public final class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozen;

    @Override
    public ZoneId getZone() {
        return BeijingTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant at = frozen;
        return at != null ? Clock.fixed(at, zone) : Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        Instant at = frozen;
        return at != null ? at : Instant.now().plus(offset);
    }

    public void advance(Duration by) {
        Instant at = frozen;
        if (at != null) {
            frozen = at.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** Stops the clock at {@code at}; {@link #advance} moves it, {@link #reset} lets it follow real time again. */
    public void freezeAt(Instant at) {
        frozen = at;
    }

    public void reset() {
        frozen = null;
        offset = Duration.ZERO;
    }
}
