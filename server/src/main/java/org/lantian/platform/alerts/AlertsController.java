package org.lantian.platform.alerts;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lantian.platform.identity.Actors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/alerts")
@Tag(name = "高值推送", description = "Detection rules, disposal tickets with their deadlines, live notifications and the assessment")
class AlertsController {

    private final Tickets tickets;
    private final Rules rules;
    private final Assessment assessment;
    private final AlertStream stream;
    private final Actors actors;
    private final Webhooks webhooks;

    AlertsController(Tickets tickets, Rules rules, Assessment assessment, AlertStream stream, Actors actors, Webhooks webhooks) {
        this.webhooks = webhooks;
        this.tickets = tickets;
        this.rules = rules;
        this.assessment = assessment;
        this.stream = stream;
        this.actors = actors;
    }

    @GetMapping("/tickets")
    @Operation(summary = "Tickets in the caller's scope, newest first (at most limit ≤ 1 000); filters by county, push time (ISO instants), pollutant, state, source, open")
    List<Ticket> tickets(@RequestParam(required = false) String county, @RequestParam(required = false) Instant from,
                         @RequestParam(required = false) Instant to, @RequestParam(required = false) String pollutant,
                         @RequestParam(required = false) TicketState state, @RequestParam(required = false) TicketSource source,
                         @RequestParam(required = false) Boolean open, @RequestParam(defaultValue = "1000") int limit) {
        return tickets.list(new Tickets.Filter(county, from, to, pollutant, state, source, open), limit);
    }

    record Reply(String note) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/tickets/{id}/replies")
    @Operation(summary = "An enterprise answers a ticket about itself (raised for it, or for a device on its outlets)")
    Ticket reply(@PathVariable long id, @org.springframework.web.bind.annotation.RequestBody Reply request) {
        return tickets.reply(id, request.note());
    }

    @GetMapping("/tickets/{id}")
    @Operation(summary = "One ticket; 404 outside the caller's county")
    Ticket ticket(@PathVariable long id) {
        return tickets.get(id);
    }

    @GetMapping("/tickets/{id}/timeline")
    @Operation(summary = "Everything that happened to the ticket: who, what, when, why")
    List<Tickets.TimelineEntry> timeline(@PathVariable long id) {
        return tickets.timeline(id);
    }

    @PostMapping("/tickets")
    @Operation(summary = "Push by hand (city office, departments): FIRE_POINT (30-minute deadline, owner by point-in-area) or MANUAL")
    Ticket push(@RequestBody Tickets.ManualPush push) {
        return tickets.push(push);
    }

    record Note(String note) {
    }

    record HandDown(String assignee, String note) {
    }

    @PostMapping("/tickets/{id}/receive")
    @Operation(summary = "签收 (the owner)")
    Ticket receive(@PathVariable long id, @RequestBody(required = false) Note note) {
        return tickets.receive(id, note == null ? null : note.note());
    }

    @PostMapping("/tickets/{id}/dispose")
    @Operation(summary = "Start disposing (the owner)")
    Ticket dispose(@PathVariable long id, @RequestBody(required = false) Note note) {
        return tickets.startDisposal(id, note == null ? null : note.note());
    }

    @PostMapping("/tickets/{id}/hand-down")
    @Operation(summary = "Hand down to a township or grid member (the owner)")
    Ticket handDown(@PathVariable long id, @RequestBody HandDown handDown) {
        return tickets.handDown(id, handDown.assignee(), handDown.note());
    }

    @PostMapping(path = "/tickets/{id}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report the disposal: cause category, measures, who went (the owner); evidence uploaded since "
            + "the last report belongs to it")
    Ticket report(@PathVariable long id, @RequestBody Tickets.Report report) {
        return tickets.report(id, report);
    }

    @PostMapping("/tickets/{id}/close")
    @Operation(summary = "Verify and close (city office)")
    Ticket close(@PathVariable long id, @RequestBody(required = false) CloseRequest close) {
        return tickets.verify(id, close == null ? null : close.note(), close == null ? null : close.waiveEvidence());
    }

    /** {@code waiveEvidence}: why a report without photos or files may be closed all the same. */
    record CloseRequest(@jakarta.validation.constraints.Size(max = 2000) String note,
                        @jakarta.validation.constraints.Size(max = 2000) String waiveEvidence) {
    }

    @PostMapping(path = "/tickets/{id}/report", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Report the disposal with its photos in one request: part 'report' (JSON) and parts 'photos'")
    Ticket reportWithPhotos(@PathVariable long id, @RequestPart("report") Tickets.Report report,
                            @RequestPart(name = "photos", required = false) List<MultipartFile> photos) throws IOException {
        return tickets.report(id, report, uploads(photos));
    }

    static List<org.lantian.platform.files.Upload> uploads(List<MultipartFile> files) throws IOException {
        return org.lantian.platform.files.EvidenceFiles.readAll(files);
    }

    @PostMapping("/tickets/{id}/return")
    @Operation(summary = "Return the report to the owner with a reason (city office)")
    Ticket returnToOwner(@PathVariable long id, @RequestBody Note reason) {
        return tickets.returnToOwner(id, reason.note());
    }

    @PostMapping(path = "/tickets/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a photo or file (JPEG, PNG, WebP, PDF; ≤ 10 MB) as evidence")
    Tickets.Attachment attach(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
        org.lantian.platform.files.Upload upload = org.lantian.platform.files.EvidenceFiles.read(file);
        return tickets.attach(id, upload.filename(), upload.contentType(), upload.bytes());
    }

    @GetMapping("/tickets/{id}/attachments")
    List<Tickets.Attachment> attachments(@PathVariable long id) {
        return tickets.attachments(id);
    }

    @GetMapping("/tickets/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        Tickets.Attachment a = tickets.attachment(id, attachmentId);
        return org.lantian.platform.files.Downloads.inline(a.filename(), MediaType.parseMediaType(a.contentType()),
                tickets.attachmentBytes(id, attachmentId));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events: a 'ticket' event for every ticket change the caller may see; with Last-Event-ID "
            + "(sent by browsers when they reconnect) the changes missed since are sent first")
    SseEmitter stream(@org.springframework.web.bind.annotation.RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        var actor = actors.current();
        return stream.open(actor, lastEventId == null ? java.util.List.of() : tickets.changesSince(lastEventId, actor));
    }

    @GetMapping("/rules")
    @Operation(summary = "The rules in force")
    List<Rule> rules() {
        return rules.current();
    }

    @GetMapping("/rules/{code}")
    @Operation(summary = "Every version of a rule, newest first")
    List<Rule> ruleHistory(@PathVariable String code) {
        return rules.history(code);
    }

    record RuleRequest(Rules.RuleChange rule, String reason) {
    }

    @PutMapping("/rules/{code}")
    @Operation(summary = "Add a rule or its next version (city office)")
    Rule saveRule(@PathVariable String code, @RequestBody RuleRequest request) {
        if (request.rule() == null || !code.equals(request.rule().code())) {
            throw new IllegalArgumentException("rule.code：应与路径中的规则代码 " + code + " 一致");
        }
        return rules.save(request.rule(), request.reason());
    }

    @GetMapping("/assessment")
    @Operation(summary = "Per county and department for tickets pushed from..to (dates, to exclusive; default the current half-month)")
    List<Assessment.Row> assessment(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate[] period = period(from, to);
        return assessment.of(period[0], period[1]);
    }

    @GetMapping("/assessment.xlsx")
    @Operation(summary = "The assessment as the bulletin's XLSX table")
    ResponseEntity<byte[]> assessmentWorkbook(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate[] period = period(from, to);
        byte[] book = AssessmentWorkbook.write(assessment.of(period[0], period[1]), period[0], period[1]);
        return org.lantian.platform.files.Downloads.workbook("高值推送考核-" + period[0] + ".xlsx", book);
    }

    record WebhookRequest(String unit, String url, String secret, String reason) {
    }

    record Enabled(boolean enabled, String reason) {
    }

    @GetMapping("/webhooks")
    @Operation(summary = "The units' outbound webhooks (city office)")
    List<Webhooks.Webhook> webhooks() {
        return webhooks.list();
    }

    @PostMapping("/webhooks")
    @Operation(summary = "Register a webhook for a unit: a county code, a department's name, or 130400 for every ticket. Bodies are "
            + "signed: X-Lantian-Signature = sha256=HMAC-SHA256(secret, body) in hex; X-Lantian-Delivery names the delivery")
    Webhooks.Webhook register(@RequestBody WebhookRequest request) {
        return webhooks.register(request.unit(), request.url(), request.secret(), request.reason());
    }

    @PostMapping("/webhooks/{id}/enabled")
    @Operation(summary = "Switch a webhook off or on")
    void enable(@PathVariable long id, @RequestBody Enabled request) {
        webhooks.enable(id, request.enabled(), request.reason());
    }

    @GetMapping("/webhooks/{id}/deliveries")
    @Operation(summary = "The webhook's delivery log, newest first: state, attempts, last HTTP status or error")
    List<Webhooks.Delivery> deliveries(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        return webhooks.deliveries(id, Math.max(1, Math.min(limit, 1000)));
    }

    private LocalDate[] period(LocalDate from, LocalDate to) {
        return assessment.periodOrCurrent(from, to);
    }
}
