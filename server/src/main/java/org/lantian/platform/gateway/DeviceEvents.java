package org.lantian.platform.gateway;

import java.math.BigDecimal;
import java.time.Instant;

/** What the gateway tells other modules (the alert workflow) about devices. */
public final class DeviceEvents {

    private DeviceEvents() {
    }

    /** A device sent nothing for longer than its {@code offlineAfter}. */
    /**
     * A sub-meter concentrator's readings of one moment, each channel's active power in kW by factor code
     * (e00001 …): published after the packet is stored, for the modules that judge them.
     */
    public record SubmeterReadings(String mn, Instant at, java.util.Map<String, BigDecimal> kw) {
    }

    /** A stack or VOCs outlet's hourly data (CN 2061) were stored: the hour's emissions may be judged. */
    public record StackHour(String mn, Instant hourStart) {
    }

    public record DeviceWentOffline(String mn, String countyCode, Instant lastPacketAt) {
    }

    /** A stack outlet's hourly converted value exceeded its limit. */
    public record EmissionExceeded(String mn, String countyCode, String boundTo, String factor, Instant hourStart,
                                   BigDecimal value, BigDecimal limit) {
    }

    /** What looks like a faulty or tampered monitor. */
    public enum Suspicion {
        FLAT_LINE("连续多小时数值不变"), AT_LIMIT("连续多小时贴近限值"), DROP_TO_ZERO("骤降至接近零"),
        ZS_INCONSISTENT("折算浓度与氧含量不符");

        private final String label;

        Suspicion(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A stack outlet's hourly values show a sign of a faulty or tampered monitor. */
    public record SuspiciousData(String mn, String countyCode, String boundTo, String factor, Instant hourStart,
                                 Suspicion suspicion, String detail) {
    }
}
