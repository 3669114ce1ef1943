package org.lantian.platform.gateway;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks a device offline once it has been silent longer than its registry setting, and says so once with a
 * {@link DeviceEvents.DeviceWentOffline}; its next packet marks it online again (see {@link PacketWriter}).
 */
@Component
class DeviceWatch {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeviceWatch(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lantian.gateway.watch-interval:60s}", initialDelayString = "${lantian.gateway.watch-interval:60s}")
    @Transactional
    public void check() {
        Timestamp now = Timestamp.from(clock.instant());
        List<DeviceEvents.DeviceWentOffline> silent = jdbc.sql("""
                        UPDATE gateway_device_status s SET online = false, changed_at = ?
                          FROM gateway_device d
                         WHERE d.mn = s.mn AND s.online AND s.last_packet_at < ?::timestamptz - make_interval(mins => d.offline_after_minutes)
                        RETURNING s.mn, d.county_code, s.last_packet_at""")
                .params(now, now)
                .query((rs, n) -> new DeviceEvents.DeviceWentOffline(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
        silent.forEach(events::publishEvent);
    }
}
