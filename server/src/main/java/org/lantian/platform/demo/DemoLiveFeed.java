package org.lantian.platform.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.lantian.platform.gateway.GatewayServer;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.Users;
import org.lantian.platform.monitoring.IngestReport;
import org.lantian.platform.monitoring.Stations;
import org.lantian.standards.BeijingTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a demo alive: every few minutes the simulated air of the demo's stations is brought up to the
 * current hour, so a demo left running for a week still looks like a working city (real-time AQI, no
 * station falsely silent). The simulator gives the same values for the same hour, so the hours already
 * stored are unchanged and only new ones are added. Runs only where the demo was loaded.
 */
@Component
class DemoLiveFeed {

    private final org.lantian.platform.cluster.ClusterJobs jobs;

    private static final Logger log = LoggerFactory.getLogger(DemoLiveFeed.class);
    /** How far back the first tick looks (at most the demo's days): a platform stopped for up to a week catches up. */
    static final Duration CATCH_UP = Duration.ofDays(7);

    private final DemoProperties properties;
    private final DemoData demo;
    private final Stations stations;
    private final Users users;
    private final Actors actors;
    private final Clock clock;
    private final GatewayServer gateway;
    private Instant fedUpTo;

    DemoLiveFeed(DemoProperties properties, DemoData demo, Stations stations, Users users, Actors actors, Clock clock,
                 GatewayServer gateway, org.lantian.platform.cluster.ClusterJobs jobs) {
        this.jobs = jobs;
        this.gateway = gateway;
        this.properties = properties;
        this.demo = demo;
        this.stations = stations;
        this.users = users;
        this.actors = actors;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lantian.demo.live-interval:5m}", initialDelayString = "${lantian.demo.live-interval:5m}")
    void feed() {
        jobs.once("demo.live", () -> {
            if (!properties.enabled()) {
                return;
            }
            actors.asSystem(() -> {
                if (users.findVisible("city").isEmpty()) {
                    return; // not a demo database
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
                Duration catchUp = CATCH_UP.compareTo(Duration.ofDays(properties.days())) < 0 ? CATCH_UP : Duration.ofDays(properties.days());
                Instant from = fedUpTo == null ? now.minus(catchUp) : fedUpTo.minus(Duration.ofHours(3));
                if (!now.isAfter(fedUpTo == null ? Instant.MIN : fedUpTo)) {
                    return;
                }
                List<String> codes = stations.list(LocalDate.now(clock)).stream()
                        .filter(s -> Stations.HANDAN.equals(s.city())).map(s -> s.code()).toList();
                IngestReport report = demo.simulate(codes, from, now);
                int packets = sendDevicePackets(from);
                fedUpTo = now;
                log.info("Demo live feed: simulated air up to {} ({} new values), {} HJ 212 packets", now, report.inserted(), packets);
            });
        });
    }

    /** The demo devices' hours since {@code from}: a device that was offline resends what it missed. */
    private int sendDevicePackets(Instant from) {
        java.time.LocalDateTime last = DemoDevices.lastCompleteHour(clock);
        java.time.LocalDateTime first = java.time.LocalDateTime.ofInstant(from, BeijingTime.ZONE).truncatedTo(ChronoUnit.HOURS);
        try {
            return DemoDevices.send(gateway, first, last);
        } catch (java.io.IOException e) {
            log.warn("Demo live feed: the demo devices could not reach the gateway: {}", e.toString());
            return 0;
        }
    }
}
