package org.lantian.platform.gateway;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the per-minute summaries of refusals not stored whole, and deletes refusals older than the
 * retention ({@code lantian.gateway.rejection-retention}, 30 days by default), in bounded batches.
 */
@Component
class RefusalHousekeeping {

    private final org.lantian.platform.cluster.ClusterJobs jobs;

    private static final Logger log = LoggerFactory.getLogger(RefusalHousekeeping.class);
    private static final int DELETE_BATCH = 10_000;

    private final RefusalSampler sampler;
    private final GatewayServer gateway;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    RefusalHousekeeping(RefusalSampler sampler, GatewayServer gateway, JdbcClient jdbc, Clock clock,
                        @Value("${lantian.gateway.rejection-retention:30d}") Duration retention, org.lantian.platform.cluster.ClusterJobs jobs) {
        this.jobs = jobs;
        this.sampler = sampler;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${lantian.gateway.refusal-summary-interval:30s}")
    void summarise() {
        sampler.drain((remote, count) -> gateway.record(new PacketWriter.Refused(clock.instant(), remote, null,
                RefusalSampler.SUPPRESSED, "上一分钟另有 " + count + " 次拒收未逐条保存（每个地址每分钟只保存前若干条）", new byte[0])));
    }

    @Scheduled(fixedDelayString = "${lantian.gateway.rejection-cleanup-interval:1h}", initialDelayString = "1m")
    void deleteOld() {
        jobs.once("gateway.refusal-cleanup", () -> {
            Timestamp before = Timestamp.from(clock.instant().minus(retention));
            int deleted;
            int total = 0;
            do {
                deleted = jdbc.sql("""
                        DELETE FROM gateway_rejection WHERE id IN (
                            SELECT id FROM gateway_rejection WHERE received_at < ? ORDER BY received_at LIMIT ?)""")
                        .params(before, DELETE_BATCH).update();
                total += deleted;
            } while (deleted == DELETE_BATCH);
            if (total > 0) {
                log.info("gateway: deleted {} refusals older than {}", total, retention);
            }
        });
    }
}
