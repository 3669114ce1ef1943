package org.lantian.platform.gateway;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.lantian.platform.geo.Divisions;
import org.lantian.standards.hj212.Hj212Packet;
import org.lantian.standards.hj212.Tolerance;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The device pages: the list with live status, one device's packets, refusals and chart, the registry form. */
@Controller
class GatewayPages {

    private final Devices devices;
    private final DeviceRecords records;
    private final DeviceCommands commands;
    private final Divisions divisions;

    GatewayPages(Devices devices, DeviceRecords records, DeviceCommands commands, Divisions divisions) {
        this.devices = devices;
        this.records = records;
        this.commands = commands;
        this.divisions = divisions;
    }

    /** The commands the page offers, with what each does. */
    static final Map<String, String> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("2061", "补传小时数据（BeginTime=…;EndTime=…）");
        COMMANDS.put("2051", "补传分钟数据（BeginTime=…;EndTime=…）");
        COMMANDS.put("2031", "补传日数据（BeginTime=…;EndTime=…）");
        COMMANDS.put("1012", "校时（不填则用平台时间）");
        COMMANDS.put("1062", "设置实时数据间隔（RtdInterval=秒）");
        COMMANDS.put("1064", "设置分钟数据间隔（MinInterval=分钟）");
        COMMANDS.put("1011", "读取现场机时间");
    }

    @PostMapping("/gateway/devices/{mn}/commands")
    String command(@PathVariable String mn, @RequestParam String cn, @RequestParam(defaultValue = "") String parameters,
                   @RequestParam(required = false) String reason, Model model) {
        try {
            commands.queue(mn, cn, pairs(parameters), reason);
        } catch (IllegalArgumentException e) {
            model.addAttribute("failure", "命令未下发：" + e.getMessage());
            return device(mn, model);
        }
        return "redirect:/gateway/devices/" + mn;
    }

    @GetMapping("/gateway/devices")
    String list(Model model) {
        model.addAttribute("statuses", records.statuses());
        form(model, null);
        return "gateway/devices";
    }

    @GetMapping("/gateway/devices/{mn}")
    String device(@PathVariable String mn, Model model) {
        DeviceRecords.DeviceStatus status = records.status(mn);
        model.addAttribute("status", status);
        model.addAttribute("packets", records.packets(mn, 30));
        model.addAttribute("refusals", records.refusals(mn, 30));
        model.addAttribute("partialSets", records.partialSets(mn, 30));
        model.addAttribute("commands", commands.of(mn));
        model.addAttribute("commandChoices", COMMANDS);
        form(model, status.device());
        return "gateway/device";
    }

    private void form(Model model, Device device) {
        model.addAttribute("kinds", DeviceKind.values());
        model.addAttribute("protocols", new Hj212Packet.Version[] {Hj212Packet.Version.V2017, Hj212Packet.Version.V2005, Hj212Packet.Version.V2025});
        model.addAttribute("tolerances", Tolerance.values());
        model.addAttribute("units", divisions.countyLevelUnits());
        model.addAttribute("editing", device);
    }

    @PostMapping("/gateway/devices")
    String save(@RequestParam String mn, @RequestParam String name, @RequestParam DeviceKind kind,
                @RequestParam Hj212Packet.Version protocol, @RequestParam String st, @RequestParam(required = false) String password,
                @RequestParam(required = false) String countyCode, @RequestParam(required = false) String stationCode,
                @RequestParam(required = false) String boundTo, @RequestParam(required = false) Set<Tolerance> tolerances,
                @RequestParam(defaultValue = "") String units, @RequestParam(defaultValue = "") String limits,
                @RequestParam(required = false) BigDecimal referenceO2, @RequestParam(defaultValue = "120") int offlineAfterMinutes, @RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam(required = false) String reason, Model model) {
        try {
            devices.save(new Devices.Registration(mn.strip(), name, kind, protocol, st.strip(), blankToNull(password), blankToNull(countyCode),
                    blankToNull(stationCode), blankToNull(boundTo), tolerances == null ? EnumSet.noneOf(Tolerance.class) : tolerances,
                    pairs(units), decimals(limits), referenceO2, offlineAfterMinutes, enabled), reason);
        } catch (IllegalArgumentException e) {
            model.addAttribute("failure", "未保存：" + e.getMessage());
            return list(model);
        }
        return "redirect:/gateway/devices/" + mn.strip();
    }

    /** "a34004=ug/m3, a21005=mg/m3" → map. */
    static Map<String, String> pairs(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        Arrays.stream(text.split("[,，;；\\n]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(item -> {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("“" + item + "” 应写成 因子编码=值");
            }
            map.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
        });
        return map;
    }

    private static Map<String, BigDecimal> decimals(String text) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        pairs(text).forEach((k, v) -> {
            try {
                map.put(k, new BigDecimal(v));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limits." + k + ": “" + v + "” 不是数值");
            }
        });
        return map;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
