package org.lantian.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.platform.LantianApplication;
import org.lantian.platform.MutableClock;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.identity.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deadlines live in the database, not in timers: the platform is stopped with tickets open and started
 * again on the same data; every deadline that passed meanwhile is escalated, and only once however often
 * the clock runs.
 */
class AlertsRestartTests {

    static ConfigurableApplicationContext start(boolean fresh) {
        return new SpringApplicationBuilder(LantianApplication.class, PlatformTest.TestBeans.class)
                .profiles("test")
                .run("--server.port=0", "--lantian.demo.enabled=false", "--lantian.security.admin-password=restart-test-1",
                        "--lantian.db.embedded.data-dir=target/restart-postgres", "--lantian.db.embedded.clean-on-start=" + fresh);
    }

    @Test
    void deadlinesThatPassWhileThePlatformIsDownFireOnceAfterItsRestart() {
        long fire;
        long dust;
        Instant pushedAt;
        try (ConfigurableApplicationContext first = start(true)) {
            Tickets tickets = first.getBean(Tickets.class);
            TestTokens as = first.getBean(TestTokens.class);
            fire = as.as("admin", () -> tickets.push(new Tickets.ManualPush(TicketSource.FIRE_POINT, "火点", "", null, null, "130481",
                    "卫星", null, null))).id();
            dust = as.as("admin", () -> tickets.push(new Tickets.ManualPush(TicketSource.MANUAL, "扬尘", "", null, null, "130403",
                    "举报", null, 240))).id();
            pushedAt = as.as("admin", () -> tickets.get(fire)).pushedAt();
        }

        try (ConfigurableApplicationContext second = start(false)) {
            MutableClock clock = second.getBean(MutableClock.class);
            Deadlines deadlines = second.getBean(Deadlines.class);
            clock.freezeAt(pushedAt.plus(Duration.ofMinutes(45)));
            deadlines.run();
            deadlines.run();
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            List<String> fireEvents = jdbc.sql("SELECT action FROM alerts_ticket_event WHERE ticket_id = ? ORDER BY id").param(fire)
                    .query(String.class).list();
            assertThat(fireEvents).containsExactly("pushed", "receipt-overdue", "disposal-overdue");
            List<String> dustEvents = jdbc.sql("SELECT action FROM alerts_ticket_event WHERE ticket_id = ? ORDER BY id").param(dust)
                    .query(String.class).list();
            assertThat(dustEvents).containsExactly("pushed", "receipt-overdue");   // 30 minutes to receive, 4 hours to dispose
        }
    }
}
