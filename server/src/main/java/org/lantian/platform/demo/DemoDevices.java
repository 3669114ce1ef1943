package org.lantian.platform.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;

import org.lantian.platform.gateway.DeviceKind;
import org.lantian.platform.gateway.Devices;
import org.lantian.platform.gateway.GatewayServer;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.hj212.Hj212Encoder;
import org.lantian.standards.hj212.Hj212Packet;
import org.lantian.standards.hj212.Tolerance;

/**
 * Two demo devices, a power plant's stack monitor and a construction site's dust monitor, sending their
 * hourly data over a real connection to the gateway, as devices do: the last days on a first start, then
 * each new hour while the demo runs. An hour's packet is a function of the device and the hour alone, so
 * a packet sent twice is the same packet (the gateway keeps one).
 */
final class DemoDevices {

    /** Milliseconds between two packets: at most 100 a second. */
    private static final long PACE_MS = 10;

    private DemoDevices() {
    }

    static void register(Devices devices) {
        devices.save(new Devices.Registration("DEMO-STACK-01", "某热电厂1号排口（演示）", DeviceKind.STACK, Hj212Packet.Version.V2017, "31",
                "demo01", "130403", null, "DA001", EnumSet.noneOf(Tolerance.class), Map.of(),
                Map.of("a21026", new BigDecimal("35"), "a21002", new BigDecimal("50"), "a34013", new BigDecimal("10")), null, 120, true),
                "演示设备");
        devices.save(new Devices.Registration("DEMO-DUST-01", "某建筑工地扬尘监测（演示）", DeviceKind.DUST, Hj212Packet.Version.V2017, "39",
                "demo02", "130402", null, "GD-2023-017", EnumSet.of(Tolerance.MISSING_TAIL), Map.of(), Map.of(), null, 120, true), "演示设备");
    }

    /** The last complete hour's start in Beijing time: the newest hour a device has data for. */
    static LocalDateTime lastCompleteHour(Clock clock) {
        return LocalDateTime.now(clock.withZone(BeijingTime.ZONE)).truncatedTo(ChronoUnit.HOURS).minusHours(1);
    }

    /**
     * Sends both devices' hourly packets for the hours starting {@code first} to {@code last} (Beijing time,
     * inclusive), each awaiting its acknowledgement.
     *
     * @return packets sent; 0 when the gateway is off
     */
    static int send(GatewayServer gateway, LocalDateTime first, LocalDateTime last) throws IOException {
        return send(gateway, first, last, hour -> new String[] {stack(hour, 1), dust(hour)});
    }

    /**
     * Sends the stack monitor's hourly packets only, its emissions scaled per hour ({@code scale} 1: as usual):
     * how a plant under emergency measures reports.
     */
    static int sendStack(GatewayServer gateway, LocalDateTime first, LocalDateTime last, java.util.function.ToDoubleFunction<LocalDateTime> scale)
            throws IOException {
        return send(gateway, first, last, hour -> new String[] {stack(hour, scale.applyAsDouble(hour))});
    }

    private static int send(GatewayServer gateway, LocalDateTime first, LocalDateTime last, java.util.function.Function<LocalDateTime, String[]> packets)
            throws IOException {
        if (gateway.port() < 0 || first.isAfter(last)) {
            return 0;
        }
        int sent = 0;
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (LocalDateTime hour = first; !hour.isAfter(last); hour = hour.plusHours(1)) {
                for (String packet : packets.apply(hour)) {
                    out.write(Hj212Encoder.frame(packet));
                    out.flush();
                    awaitAck(in);
                    sent++;
                    pace();
                }
            }
        }
        return sent;
    }

    private static double load(LocalDateTime hour, Random random) {
        return 0.8 + 0.2 * Math.sin(hour.getHour() / 24.0 * 2 * Math.PI) + 0.1 * random.nextGaussian();
    }

    private static String stack(LocalDateTime hour, double scale) {
        Random random = new Random(hour.toEpochSecond(java.time.ZoneOffset.UTC));
        double load = load(hour, random);
        double flow = load * scale;   // a plant cutting production sends less flue gas at much the same concentration
        return "QN=" + Hj212Encoder.qn(hour.plusMinutes(5)) + ";ST=31;CN=2061;PW=demo01;MN=DEMO-STACK-01;Flag=5;CP=&&DataTime=" + Hj212Encoder.time(hour)
                + ";a21026-Avg=" + v(22 * load) + ",a21026-ZsAvg=" + v(25 * load + (hour.getHour() == 9 ? 14 : 0)) + ",a21026-Flag=N"
                + ";a21002-Avg=" + v(30 * load) + ",a21002-ZsAvg=" + v(34 * load) + ",a21002-Flag=N"
                + ";a34013-Avg=" + v(3 * load) + ",a34013-ZsAvg=" + v(3.5 * load) + ",a34013-Flag=N"
                + ";a19001-Avg=" + v(9 + random.nextDouble()) + ";a00000-Avg=" + v(120 * flow) + ",a00000-Cou=" + v(432000 * flow) + "&&";
    }

    private static String dust(LocalDateTime hour) {
        Random random = new Random(hour.toEpochSecond(java.time.ZoneOffset.UTC));
        double load = load(hour, random);
        random.nextDouble();
        return "QN=" + Hj212Encoder.qn(hour.plusMinutes(6)) + ";ST=39;CN=2061;PW=demo02;MN=DEMO-DUST-01;Flag=5;CP=&&DataTime=" + Hj212Encoder.time(hour)
                + ";a34001-Avg=" + v(180 * load + 60 * random.nextDouble()) + ",a34001-Flag=N;a34002-Avg=" + v(110 * load)
                + ",a34002-Flag=N;a34004-Avg=" + v(55 * load) + ",a34004-Flag=N;LA-Avg=" + v(58 + 8 * random.nextDouble()) + "&&";
    }

    /** A logger sending its backlog stays under the gateway's per-connection rate (200 a second by default). */
    private static void pace() throws IOException {
        try {
            Thread.sleep(PACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("demo devices interrupted");
        }
    }

    private static void awaitAck(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            // the acknowledgement: one line per packet
        }
    }

    private static String v(double value) {
        return BigDecimal.valueOf(Math.max(0, value)).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
