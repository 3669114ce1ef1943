package org.lantian.platform.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/gateway")
@Tag(name = "HJ 212 设备", description = "The device registry, device status, and what the HJ 212 gateway received and refused")
class GatewayController {

    private final Devices devices;
    private final DeviceRecords records;
    private final DeviceCommands commands;

    GatewayController(Devices devices, DeviceRecords records, DeviceCommands commands) {
        this.devices = devices;
        this.records = records;
        this.commands = commands;
    }

    record CommandRequest(String cn, java.util.Map<String, String> parameters, String reason) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/devices/{mn}/commands")
    @Operation(summary = "Queue a command for the device, sent when it next reports: 1012 set time, 1062/1064 set intervals, "
            + "1000 timeouts, 2031/2041/2051/2061 history for BeginTime–EndTime (also the device's county), 1011, 3020")
    DeviceCommands.Command queue(@PathVariable String mn, @RequestBody CommandRequest request) {
        return commands.queue(mn, request.cn(), request.parameters(), request.reason());
    }

    @GetMapping("/devices/{mn}/commands")
    @Operation(summary = "The device's commands with their state and the device's answers (QnRtn, ExeRtn), newest first")
    List<DeviceCommands.Command> commands(@PathVariable String mn) {
        return commands.of(mn);
    }

    @GetMapping("/devices")
    @Operation(summary = "Devices in the caller's scope with their status and counters")
    List<DeviceRecords.DeviceStatus> devices() {
        return records.statuses();
    }

    @GetMapping("/devices/{mn}")
    @Operation(summary = "One device with its status; 404 outside the caller's scope")
    DeviceRecords.DeviceStatus device(@PathVariable String mn) {
        return records.status(mn);
    }

    record DeviceRequest(Devices.Registration device, String reason) {
    }

    @PutMapping("/devices/{mn}")
    @Operation(summary = "Register or change a device (city office); the password is stored hashed; audited")
    Device save(@PathVariable String mn, @RequestBody DeviceRequest request) {
        Devices.Registration r = request.device();
        if (r == null || !mn.equals(r.mn())) {
            throw new IllegalArgumentException("device.mn：应与路径中的 MN 一致（" + mn + "）");
        }
        return devices.save(r, request.reason());
    }

    @GetMapping("/devices/{mn}/packets")
    @Operation(summary = "The device's latest accepted packets, raw text and the tolerances each needed")
    List<DeviceRecords.StoredPacket> packets(@PathVariable String mn, @RequestParam(defaultValue = "50") int limit) {
        return records.packets(mn, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/devices/{mn}/rejections")
    @Operation(summary = "The device's refused packets with the reason and the bytes as received")
    List<DeviceRecords.Refusal> rejections(@PathVariable String mn, @RequestParam(defaultValue = "50") int limit) {
        return records.refusals(mn, limit);
    }

    @GetMapping("/devices/{mn}/partial-splits")
    @Operation(summary = "The device's split packets given up incomplete, with the pieces that never arrived")
    List<DeviceRecords.PartialSet> partialSplits(@PathVariable String mn, @RequestParam(defaultValue = "50") int limit) {
        return records.partialSets(mn, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/rejections")
    @Operation(summary = "Every refusal, also junk and unknown devices (city office)")
    List<DeviceRecords.Refusal> allRejections(@RequestParam(defaultValue = "100") int limit) {
        return records.allRefusals(limit);
    }

    @GetMapping("/devices/{mn}/series")
    @Operation(summary = "The device's values of one command (2011 real-time, 2051 minute, 2061 hour, 2031 day), "
            + "from (inclusive) to (exclusive); default the last 24 hours")
    List<DeviceRecords.SeriesPoint> series(@PathVariable String mn, @RequestParam(defaultValue = "2061") String cn,
                                          @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        Instant end = to == null ? Instant.now() : to;
        return records.series(mn, cn, from == null ? end.minus(Duration.ofDays(1)) : from, end);
    }
}
