package org.lantian.platform.gateway;

import java.math.BigDecimal;
import java.time.Instant;

/** What the gateway tells other modules (the alert workflow) about devices. */
public final class DeviceEvents {

    private DeviceEvents() {
    }

    /** A device sent nothing for longer than its {@code offlineAfter}. */
    public record DeviceWentOffline(String mn, String countyCode, Instant lastPacketAt) {
    }

    /** A stack outlet's hourly converted value exceeded its limit. */
    public record EmissionExceeded(String mn, String countyCode, String boundTo, String factor, Instant hourStart,
                                   BigDecimal value, BigDecimal limit) {
    }
}
