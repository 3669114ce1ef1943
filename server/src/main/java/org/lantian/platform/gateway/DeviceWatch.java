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

    private final org.lantian.platform.cluster.ClusterJobs jobs;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final DeviceCommands commands;
    private final org.lantian.platform.identity.Actors actors;
    private final Clock clock;

    DeviceWatch(JdbcClient jdbc, ApplicationEventPublisher events, DeviceCommands commands,
                org.lantian.platform.identity.Actors actors, Clock clock, org.lantian.platform.cluster.ClusterJobs jobs) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.events = events;
        this.commands = commands;
        this.actors = actors;
        this.clock = clock;
    }

    /**
     * Asks each online device that reports hourly data (2061) for the hours missing in the last two days
     * (the last two hours are left to arrive on their own), once: not while such a request is open.
     * What comes back is stored like any upload, idempotently.
     */
    @Scheduled(cron = "${lantian.gateway.gap-check:0 20 * * * *}")
    public void requestMissingHours() {
        jobs.once("gateway.gaps", () -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<Object[]> gaps = jdbc.sql("""
                            WITH reporting AS (
                                SELECT d.mn FROM gateway_device d JOIN gateway_device_status s ON s.mn = d.mn AND s.online
                                 WHERE d.enabled
                                   AND EXISTS (SELECT 1 FROM gateway_series x WHERE x.mn = d.mn AND x.cn = '2061'
                                                                                AND x.data_time >= ?::timestamptz - interval '48 hours')
                                   AND NOT EXISTS (SELECT 1 FROM gateway_command c WHERE c.mn = d.mn AND c.cn = '2061'
                                                                                     AND c.state IN ('QUEUED', 'SENT', 'ACCEPTED'))),
                            missing AS (
                                SELECT r.mn, h AS hour
                                  FROM reporting r
                                 CROSS JOIN generate_series(date_trunc('hour', ?::timestamptz - interval '48 hours'),
                                                            date_trunc('hour', ?::timestamptz) - interval '2 hours', interval '1 hour') h
                                 WHERE NOT EXISTS (SELECT 1 FROM gateway_series x WHERE x.mn = r.mn AND x.cn = '2061' AND x.data_time = h))
                            SELECT mn, min(hour), max(hour), count(*) FROM missing GROUP BY mn""")
                    .params(now, now, now)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), rs.getInt(4)})
                    .list();
            actors.asSystem(() -> gaps.forEach(g -> commands.queue((String) g[0], "2061",
                    java.util.Map.of("BeginTime", beijing((java.time.Instant) g[1]), "EndTime", beijing((java.time.Instant) g[2])),
                    "自动补数：近 48 小时缺 " + g[3] + " 个小时值")));
            commands.expire(30);});
    }

    private static String beijing(java.time.Instant t) {
        return org.lantian.standards.hj212.Hj212Encoder.time(java.time.LocalDateTime.ofInstant(t, org.lantian.standards.BeijingTime.ZONE));
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
