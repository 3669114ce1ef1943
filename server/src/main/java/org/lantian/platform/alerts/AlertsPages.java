package org.lantian.platform.alerts;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.lantian.platform.forms.FormInput;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.Role;
import org.lantian.platform.monitoring.StationClass;
import org.lantian.standards.BeijingTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The alert pages: the board (a county's inbox for county users), a ticket, pushing by hand, rules, assessment. */
@Controller
class AlertsPages {

    /** A page of more rows is slow to render and to read; the filters narrow it down. */
    static final int BOARD_ROWS = 200;
    /** How far around a ticket's place its page lists enterprises. */
    static final double NEARBY_KM = 3;

    private final Tickets tickets;
    private final Rules rules;
    private final Assessment assessment;
    private final Divisions divisions;
    private final Actors actors;
    private final Clock clock;
    private final org.lantian.platform.enterprises.Enterprises enterprises;
    private final org.lantian.platform.enterprises.Facilities facilities;

    AlertsPages(Tickets tickets, Rules rules, Assessment assessment, Divisions divisions, Actors actors, Clock clock,
                org.lantian.platform.enterprises.Enterprises enterprises, org.lantian.platform.enterprises.Facilities facilities) {
        this.enterprises = enterprises;
        this.facilities = facilities;
        this.tickets = tickets;
        this.rules = rules;
        this.assessment = assessment;
        this.divisions = divisions;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/alerts")
    String board(@RequestParam(required = false) String county, @RequestParam(required = false) LocalDate from,
                 @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String pollutant,
                 @RequestParam(required = false) TicketState state, @RequestParam(required = false) TicketSource source,
                 @RequestParam(required = false) Boolean open, Model model) {
        LocalDate today = AlertTimes.date(clock.instant());
        LocalDate first = from == null ? today.minusDays(6) : from;
        LocalDate last = to == null ? today : to;
        boolean onlyOpen = open == null ? actors.current().role() == Role.COUNTY : open;
        Tickets.Filter filter = new Tickets.Filter(county, startOf(first), startOf(last.plusDays(1)), pollutant, state, source, onlyOpen);
        Instant now = clock.instant();
        model.addAttribute("tickets", tickets.list(filter, BOARD_ROWS));
        model.addAttribute("counts", tickets.count(filter, now));
        model.addAttribute("shown", BOARD_ROWS);
        model.addAttribute("now", now);
        model.addAttribute("county", county);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("pollutant", pollutant);
        model.addAttribute("state", state);
        model.addAttribute("source", source);
        model.addAttribute("open", onlyOpen);
        model.addAttribute("states", TicketState.values());
        model.addAttribute("sources", TicketSource.values());
        model.addAttribute("units", visibleUnits());
        model.addAttribute("measures", List.of("PM2_5", "PM10", "O3", "NO2", "SO2", "CO", "AQI"));
        Actor me = actors.current();
        String focus = county != null && !county.isBlank() ? county : me.scope().citywide() ? null : me.countyCode();
        model.addAttribute("mapCenter", focus == null ? null
                : divisions.interiorPoint(focus).map(p -> p.lon() + "," + p.lat()).orElse(null));
        return "alerts/board";
    }

    @GetMapping("/alerts/tickets/{id}")
    String ticket(@PathVariable long id, Model model) {
        Ticket t = tickets.get(id);
        Actor me = actors.current();
        model.addAttribute("t", t);
        model.addAttribute("now", clock.instant());
        model.addAttribute("timeline", tickets.timeline(id));
        model.addAttribute("attachments", tickets.attachments(id));
        model.addAttribute("reportEvidence", tickets.reportEvidence(id));
        model.addAttribute("rule", t.ruleId() == null ? null : rules.find(t.ruleId()).orElse(null));
        model.addAttribute("mayAct", Tickets.mayAct(me, t));
        model.addAttribute("mayVerify", me.isCityOffice());
        model.addAttribute("causes", CauseCategory.values());
        model.addAttribute("actionLabels", Tickets.ACTION_LABELS);
        // where the county goes first: the enterprises around the place the ticket is about
        List<org.lantian.platform.enterprises.Enterprises.Nearby> nearby = t.lon() == null || t.lat() == null ? List.of()
                : enterprises.near(t.lon().doubleValue(), t.lat().doubleValue(), NEARBY_KM, 15);
        model.addAttribute("nearby", nearby);
        java.util.Map<String, String> live = new java.util.HashMap<>();
        nearby.forEach(n -> live.put(n.enterprise().creditCode(), facilities.liveSummary(n.enterprise().creditCode())));
        model.addAttribute("nearbyLive", live);
        model.addAttribute("nearbyKm", NEARBY_KM);
        return "alerts/ticket";
    }

    @PostMapping("/alerts/tickets/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
               @RequestParam(required = false) String assignee, @RequestParam(required = false) CauseCategory causeCategory,
               @RequestParam(required = false) String measures, @RequestParam(required = false) String responders,
               @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) List<MultipartFile> photos,
               @RequestParam(required = false) String waiveEvidence, RedirectAttributes redirect) {
        PageActions.attempt(redirect, () -> switch (action) {
            case "receive" -> tickets.receive(id, note);
            case "dispose" -> tickets.startDisposal(id, note);
            case "hand-down" -> tickets.handDown(id, assignee, note);
            case "report" -> tickets.report(id, new Tickets.Report(causeCategory, measures, responders, note), uploads(photos));
            case "close" -> tickets.verify(id, note, waiveEvidence);
            case "return" -> tickets.returnToOwner(id, note);
            case "attach" -> attach(id, file);
            case "reply" -> tickets.reply(id, note);
            default -> throw new IllegalArgumentException("未知的操作 " + action);
        });
        return "redirect:/alerts/tickets/" + id;
    }

    private static List<org.lantian.platform.files.Upload> uploads(List<MultipartFile> photos) {
        try {
            return AlertsController.uploads(photos);
        } catch (IOException e) {
            throw new IllegalArgumentException("文件读取失败：" + e.getMessage());
        }
    }

    private Object attach(long id, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("请选择要上传的照片或文件");
        }
        try {
            org.lantian.platform.files.Upload upload = org.lantian.platform.files.EvidenceFiles.read(file);
            return tickets.attach(id, upload.filename(), upload.contentType(), upload.bytes());
        } catch (IOException e) {
            throw new IllegalArgumentException("文件读取失败：" + e.getMessage());
        }
    }

    @GetMapping("/alerts/push")
    String pushForm(Model model) {
        return pushPage(FormInput.empty(), model);
    }

    private String pushPage(FormInput form, Model model) {
        // the form is for those who may push; others are not shown a form they cannot use
        var role = actors.current().role();
        if (role != org.lantian.platform.identity.Role.CITY_OFFICE && role != org.lantian.platform.identity.Role.DEPARTMENT) {
            throw new org.lantian.platform.identity.AccessDenied(actors.current().username() + " 无权推送工单");
        }
        model.addAttribute("units", divisions.countyLevelUnits());
        model.addAttribute("form", form);
        return "alerts/push";
    }

    /** Pushes a matter by hand; what cannot be read shows the form again, as typed, with the message beside the field. */
    @PostMapping("/alerts/push")
    String push(@RequestParam java.util.Map<String, String> typed, jakarta.servlet.http.HttpServletResponse response,
                @RequestParam(required = false) MultipartFile photo, Model model, RedirectAttributes redirect) {
        FormInput form = new FormInput(typed);
        TicketSource source = "MANUAL".equals(form.text("source")) ? TicketSource.MANUAL : TicketSource.FIRE_POINT;
        BigDecimal lon = form.decimal("lon", "经度", new BigDecimal("73"), new BigDecimal("136"), "114.4890");
        BigDecimal lat = form.decimal("lat", "纬度", new BigDecimal("3"), new BigDecimal("54"), "36.6010");
        if ((lon == null) != (lat == null) && !form.hasErrors()) {
            form.reject(lon == null ? "lon" : "lat", "经度和纬度要一起填写（或都不填，改为指定县（市、区））");
        }
        Integer minutes = source == TicketSource.MANUAL ? form.integer("disposalMinutes", "处置时限（分钟）", 1, 10080) : null;
        if (form.text("title") == null) {
            form.reject("title", "请填写标题");
        }
        if (!form.hasErrors()) {
            try {
                Ticket t = tickets.push(new Tickets.ManualPush(source, form.text("title"), form.text("detail"), lon, lat,
                        form.text("countyCode"), form.text("origin"), form.text("department"), minutes));
                if (photo != null && !photo.isEmpty()) {
                    PageActions.attempt(redirect, () -> attach(t.id(), photo));
                }
                return "redirect:/alerts/tickets/" + t.id();
            } catch (IllegalArgumentException e) {
                form.refused(e);
            }
        }
        response.setStatus(400);
        return pushPage(form, model);
    }

    @GetMapping("/alerts/rules")
    String rules(@RequestParam(required = false) String edit, Model model) {
        List<Rule> current = rules.current();
        model.addAttribute("rules", current);
        model.addAttribute("editing", edit == null ? null : current.stream().filter(r -> r.code().equals(edit)).findFirst().orElse(null));
        model.addAttribute("history", edit == null ? List.of() : rules.history(edit));
        model.addAttribute("kinds", RuleKind.values());
        model.addAttribute("conditionTypes", Condition.Type.values());
        model.addAttribute("stationClasses", StationClass.values());
        model.addAttribute("measures", List.of("PM2_5", "PM10", "O3", "NO2", "SO2", "CO", "AQI"));
        return "alerts/rules";
    }

    @PostMapping("/alerts/rules")
    String saveRule(@RequestParam String code, @RequestParam String name, @RequestParam RuleKind kind,
                    @RequestParam(defaultValue = "ALL") RuleDefinition.Match match, @RequestParam(defaultValue = "1") int sustainHours,
                    @RequestParam(required = false) List<StationClass> stationClasses, @RequestParam(required = false) Integer silentHours,
                    @RequestParam(defaultValue = "2") int effectHours, @RequestParam int receiptMinutes, @RequestParam int disposalMinutes,
                    @RequestParam(required = false) String department, @RequestParam(defaultValue = "false") boolean enabled,
                    @RequestParam(required = false) List<String> type, @RequestParam(required = false) List<String> measure,
                    @RequestParam(required = false) List<String> threshold, @RequestParam(required = false) List<String> area,
                    @RequestParam(required = false) List<String> percent, @RequestParam(required = false) List<String> radiusKm,
                    @RequestParam(required = false) List<String> hours, @RequestParam(required = false) List<String> n,
                    @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        boolean saved = PageActions.attempt(redirect, () -> rules.save(new Rules.RuleChange(code.strip(), name, kind,
                new RuleDefinition(match, conditions(type, measure, threshold, area, percent, radiusKm, hours, n), sustainHours,
                        stationClasses == null ? EnumSet.noneOf(StationClass.class) : EnumSet.copyOf(stationClasses), silentHours,
                        effectHours), receiptMinutes, disposalMinutes, department, enabled), reason));
        return "redirect:/alerts/rules" + (saved ? "" : "?edit=" + code.strip());
    }

    /** The condition rows of the rule form; a row without a type is left out. */
    static List<Condition> conditions(List<String> type, List<String> measure, List<String> threshold, List<String> area,
                                      List<String> percent, List<String> radiusKm, List<String> hours, List<String> n) {
        List<Condition> out = new ArrayList<>();
        for (int i = 0; type != null && i < type.size(); i++) {
            if (type.get(i) == null || type.get(i).isBlank()) {
                continue;
            }
            int row = out.size();
            out.add(new Condition(Condition.Type.valueOf(type.get(i)), at(measure, i), decimal(threshold, i, row, "threshold"),
                    at(area, i) == null ? null : Condition.Area.valueOf(at(area, i)), decimal(percent, i, row, "percent"),
                    decimal(radiusKm, i, row, "radiusKm"), integer(hours, i, row, "hours"), integer(n, i, row, "n")));
        }
        return out;
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i).isBlank() ? null : values.get(i).strip();
    }

    private static BigDecimal decimal(List<String> values, int i, int row, String field) {
        String v = at(values, i);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("conditions[" + row + "]." + field + "：“" + v + "” 不是数值");
        }
    }

    private static Integer integer(List<String> values, int i, int row, String field) {
        BigDecimal v = decimal(values, i, row, field);
        return v == null ? null : v.intValueExact();
    }

    @GetMapping("/alerts/assessment")
    String assessment(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model) {
        LocalDate[] period = assessment.periodOrCurrent(from, to);
        model.addAttribute("rows", assessment.of(period[0], period[1]));
        model.addAttribute("from", period[0]);
        model.addAttribute("to", period[1]);
        model.addAttribute("lastDay", period[1].minusDays(1));
        return "alerts/assessment";
    }


    private List<org.lantian.platform.geo.Division> visibleUnits() {
        Actor me = actors.current();
        return divisions.countyLevelUnits().stream().filter(d -> me.scope().covers(d.code())).toList();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(BeijingTime.ZONE).toInstant();
    }

}
