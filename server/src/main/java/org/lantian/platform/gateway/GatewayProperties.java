package org.lantian.platform.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param port                TCP port devices connect to (0: any free port, for tests)
 * @param idleTimeout         a connection silent this long is closed
 * @param maxBuffer           bytes a connection may hold without a complete packet before it is closed
 * @param maxPacketsPerSecond per connection; more are refused (RATE_LIMITED) and logged
 * @param maxConnectionsPerIp connections one address may hold
 * @param maxBatch            packets committed together (one transaction, then every acknowledgement)
 * @param tailWait            how long a packet complete but for its CR LF waits for it before it is read as is
 * @param writers             threads committing packets; two keep the disk busy while the next batch is prepared
 * @param shedAfter           a packet that asked for an acknowledgement and waited this long for its commit is dropped
 *                            unacknowledged: its logger has resent it or is about to (HJ 212's default is 5 s), and
 *                            storing the stale copy would only slow the fresh ones (load shedding)
 * @param maxConnections      connections the gateway holds in all, from every address
 * @param frameDeadline       a packet begun must be complete within this time: a sender trickling a byte a second
 *                            is closed, not kept forever (the idle timeout alone would never fire)
 * @param backlog             how far before its registration a device's data may reach (a logger sends its backlog
 *                            once connected); older DataTimes are refused as implausible
 */
@ConfigurationProperties("lantian.gateway")
record GatewayProperties(@DefaultValue("true") boolean enabled, @DefaultValue("9212") int port,
                         @DefaultValue("10m") Duration idleTimeout, @DefaultValue("65536") int maxBuffer,
                         @DefaultValue("200") int maxPacketsPerSecond, @DefaultValue("50") int maxConnectionsPerIp,
                         @DefaultValue("1000") int maxBatch, @DefaultValue("200ms") Duration tailWait,
                         @DefaultValue("2") int writers, @DefaultValue("4s") Duration shedAfter,
                         @DefaultValue("10000") int maxConnections, @DefaultValue("30s") Duration frameDeadline,
                         @DefaultValue("30d") Duration backlog) {
}
