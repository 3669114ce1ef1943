package org.lantian.platform.gateway;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.hj212.Hj212Encoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-device command queue (HJ212 §4.3): commands wait until the device is next connected, go down its
 * connection with a fresh QN, and record the device's answers (9011 QnRtn, 9012 ExeRtn). Setting a device
 * is the city office's; asking for history is also its county's.
 */
@Service
public class DeviceCommands {

    /** History requests (§2.3): the device uploads the range again, which storage takes idempotently. */
    static final Set<String> HISTORY = Set.of("2031", "2041", "2051", "2061");
    /** The parameters each command may carry. */
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "1012", List.of("SystemTime"), "1062", List.of("RtdInterval"), "1064", List.of("MinInterval"),
            "1000", List.of("OverTime", "ReCount"), "2031", List.of("BeginTime", "EndTime"), "2041", List.of("BeginTime", "EndTime"),
            "2051", List.of("BeginTime", "EndTime"), "2061", List.of("BeginTime", "EndTime"), "1011", List.of(), "3020", List.of("InfoId"));

    private final JdbcClient jdbc;
    private final Devices devices;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    DeviceCommands(JdbcClient jdbc, Devices devices, Actors actors, AuditLog audit, Clock clock,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.devices = devices;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    public record Command(long id, String mn, String cn, String parameters, String reason, String requestedBy, Instant requestedAt,
                          String state, String qn, Instant sentAt, Integer qnRtn, Integer exeRtn, Instant finishedAt) {
    }

    /**
     * Queues a command for a device in the actor's scope. {@code 1012} without a SystemTime sets the
     * platform's time when it is sent.
     *
     * @throws IllegalArgumentException naming an unknown command or parameter
     */
    @Transactional
    public Command queue(String mn, String cn, Map<String, String> parameters, String reason) {
        Device device = devices.find(mn);
        Actor actor = actors.current();
        if (!actor.isCityOffice() && !(HISTORY.contains(cn) && actor.mayWriteMonitoringData())) {
            throw new AccessDenied(actor.username() + " 无权向 " + mn + " 下发命令 " + cn);
        }
        List<String> allowed = PARAMETERS.get(cn);
        if (allowed == null) {
            throw new IllegalArgumentException("cn：" + cn + " 不是本平台可下发的命令（可下发：" + PARAMETERS.keySet() + "）");
        }
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        for (String name : given.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("parameters." + name + "：命令 " + cn + " 只接受 " + allowed);
            }
        }
        if (HISTORY.contains(cn) && (!given.containsKey("BeginTime") || !given.containsKey("EndTime"))) {
            throw new IllegalArgumentException("parameters：补传历史数据需要 BeginTime 和 EndTime（yyyyMMddHHmmss）");
        }
        StringBuilder area = new StringBuilder();
        for (String name : allowed) {
            if (given.containsKey(name)) {
                area.append(area.isEmpty() ? "" : ";").append(name).append('=').append(given.get(name));
            }
        }
        long id = jdbc.sql("""
                        INSERT INTO gateway_command (mn, cn, parameters, reason, requested_by, requested_at, state)
                        VALUES (?, ?, ?, ?, ?, ?, 'QUEUED') RETURNING id""")
                .params(mn, cn, area.toString(), reason == null ? "" : reason, actor.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record("gateway.command.queued", "device", mn, device.countyCode(), reason, Map.of("cn", cn, "parameters", area.toString()));
        events.publishEvent(new Queued(id, mn));
        return find(id);
    }

    /** The device's commands, newest first. */
    public List<Command> of(String mn) {
        devices.find(mn);
        return jdbc.sql("SELECT * FROM gateway_command WHERE mn = ? ORDER BY id DESC LIMIT 100").param(mn).query(DeviceCommands::map).list();
    }

    private Command find(long id) {
        return jdbc.sql("SELECT * FROM gateway_command WHERE id = ?").param(id).query(DeviceCommands::map).single();
    }

    /** A command was queued for a device; it goes down at once if the device is connected somewhere. */
    record Queued(long id, String mn) {
    }

    /** A queued command taken for sending, with the bytes to send. */
    record Outgoing(long id, String mn, byte[] bytes) {
    }

    /**
     * Takes the queued commands of the given devices for sending: each gets a fresh QN and is marked sent.
     * Called by the writer after a commit, inside its own transaction.
     */
    List<Outgoing> takeQueued(Set<String> mns) {
        List<Command> queued = jdbc.sql("SELECT * FROM gateway_command WHERE state = 'QUEUED' AND mn = ANY(?) ORDER BY id FOR UPDATE SKIP LOCKED")
                .param(mns.toArray(String[]::new)).query(DeviceCommands::map).list();
        List<Outgoing> outgoing = new java.util.ArrayList<>();
        LocalDateTime now = LocalDateTime.now(clock.withZone(BeijingTime.ZONE));
        int n = 0;
        for (Command c : queued) {
            Devices.Registered registered = devices.forPacket(c.mn()).orElse(null);
            if (registered == null) {
                continue;
            }
            Device d = registered.device();
            LocalDateTime qnTime = now.plusNanos(1_000_000L * n++); // distinct QNs within one millisecond
            Map<String, String> area = new LinkedHashMap<>();
            if (!c.parameters().isEmpty()) {
                for (String item : c.parameters().split(";")) {
                    int eq = item.indexOf('=');
                    area.put(item.substring(0, eq), item.substring(eq + 1));
                }
            }
            if (c.cn().equals("1012") && !area.containsKey("SystemTime")) {
                area.put("SystemTime", Hj212Encoder.time(now));
            }
            String qn = Hj212Encoder.qn(qnTime);
            jdbc.sql("UPDATE gateway_command SET state = 'SENT', qn = ?, sent_at = ? WHERE id = ?")
                    .params(qn, Timestamp.from(clock.instant()), c.id()).update();
            outgoing.add(new Outgoing(c.id(), c.mn(), Hj212Encoder.command(d.protocol(), qnTime, d.st(), c.cn(),
                    devices.lastPassword(c.mn()), c.mn(), area)));
        }
        return outgoing;
    }

    /** Records a device's answer to a command: 9011 (QnRtn 1 = will do) or 9012 (ExeRtn 1 = done). */
    void answered(String mn, String qn, String cn, Map<String, String> parameters) {
        Timestamp now = Timestamp.from(clock.instant());
        if (cn.equals("9011")) {
            // the answers may be committed out of order (two writers): a 9012 already seen keeps its state
            Integer rtn = integer(parameters.get("QnRtn"));
            jdbc.sql("""
                            UPDATE gateway_command SET qn_rtn = ?::int,
                                   state = CASE WHEN state <> 'SENT' THEN state WHEN ?::int = 1 THEN 'ACCEPTED' ELSE 'REFUSED' END,
                                   finished_at = CASE WHEN state = 'SENT' AND ?::int IS DISTINCT FROM 1 THEN ?::timestamptz ELSE finished_at END
                             WHERE mn = ? AND qn = ?""")
                    .params(rtn, rtn, rtn, now, mn, qn).update();
        } else if (cn.equals("9012")) {
            Integer rtn = integer(parameters.get("ExeRtn"));
            jdbc.sql("""
                            UPDATE gateway_command SET exe_rtn = ?::int, state = CASE WHEN ?::int = 1 THEN 'DONE' ELSE 'FAILED' END,
                                   finished_at = ?::timestamptz
                             WHERE mn = ? AND qn = ? AND state IN ('SENT', 'ACCEPTED')""")
                    .params(rtn, rtn, now, mn, qn).update();
        }
    }

    /** Commands sent but unanswered for longer than {@code minutes} have failed (HJ212 §4.4: the link timed out). */
    int expire(int minutes) {
        return jdbc.sql("""
                        UPDATE gateway_command SET state = 'FAILED', finished_at = ?
                         WHERE state IN ('SENT', 'ACCEPTED') AND sent_at < ?::timestamptz - make_interval(mins => ?)""")
                .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), minutes).update();
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Command map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Command(rs.getLong("id"), rs.getString("mn"), rs.getString("cn"), rs.getString("parameters"), rs.getString("reason"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("state"), rs.getString("qn"),
                instant(rs.getTimestamp("sent_at")), (Integer) rs.getObject("qn_rtn"), (Integer) rs.getObject("exe_rtn"),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
