package org.lantian.platform.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.List;

import org.lantian.platform.alerts.CauseCategory;
import org.lantian.platform.alerts.Duty;
import org.lantian.platform.alerts.Instructions;
import org.lantian.platform.alerts.Ticket;
import org.lantian.platform.alerts.TicketSource;
import org.lantian.platform.alerts.Tickets;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.geo.LonLat;

/**
 * A working day of dispatch for the demo: today's duty roster, a fire point and a dust complaint pushed by
 * hand (the complaint already reported), and an instruction awaiting replies. Rule tickets come by
 * themselves from the simulated data's last hours.
 */
final class DemoAlerts {

    private DemoAlerts() {
    }

    static void load(Tickets tickets, Duty duty, Instructions instructions, Divisions divisions, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(org.lantian.standards.BeijingTime.ZONE));
        duty.set(Divisions.CITY_CODE, today, "张伟（演示）", "0310-0000001", "王主任（演示）", "13900000001", "演示排班");
        duty.set("130403", today, "李娜（演示）", "0310-0000002", "刘副区长（演示）", "13900000002", "演示排班");
        duty.set("130402", today, "赵磊（演示）", "0310-0000003", "陈副区长（演示）", "13900000003", "演示排班");
        duty.set("130481", today, "孙强（演示）", "0310-0000004", "周副市长（演示）", "13900000004", "演示排班");

        LonLat inWuan = divisions.interiorPoint("130481").orElseThrow();
        tickets.push(new Tickets.ManualPush(TicketSource.FIRE_POINT, "卫星发现秸秆焚烧火点（演示）", "村北农田，疑似秸秆焚烧",
                BigDecimal.valueOf(inWuan.lon()).setScale(5, java.math.RoundingMode.HALF_UP),
                BigDecimal.valueOf(inWuan.lat()).setScale(5, java.math.RoundingMode.HALF_UP), null, "卫星", null, null));
        Ticket dust = tickets.push(new Tickets.ManualPush(TicketSource.MANUAL, "群众举报工地扬尘（演示）", "某小区二期工地土方未苫盖",
                null, null, "130403", "举报", "市住建局", 120));
        tickets.receive(dust.id(), "值班员已签收（演示）");
        tickets.report(dust.id(), new Tickets.Report(CauseCategory.DUST, "责令工地停止土方作业，裸土全部苫盖", "城管执法中队（演示）", null));

        instructions.issue("启动重污染天气黄色预警Ⅲ级响应（演示）", "各县区、各部门即刻落实Ⅲ级响应减排措施，4 小时内反馈落实情况。",
                List.of("130402", "130403", "130481", "市生态环境局"), clock.instant().plus(Duration.ofHours(4)), "演示指令");
    }
}
