package org.lantian.platform.plan;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lantian.platform.alerts.Instructions;
import org.lantian.platform.documents.OfficialDocument;
import org.lantian.platform.files.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plan/bulletins")
@Tag(name = "bulletins", description = "The half-monthly bulletin: preview any half-month, issue it once to the counties, its files and read receipts")
class BulletinController {

    private final Bulletins bulletins;

    BulletinController(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping
    @Operation(summary = "The issued bulletins, newest first")
    List<Bulletins.Issued> list() {
        return bulletins.list();
    }

    @GetMapping("/preview")
    @Operation(summary = "The document of a kind (HALF_MONTH bulletin, MONTH_STATEMENT list, QUARTER_SUMMONS list) for the period holding 'day', from today's data (format: json, pdf, docx, xlsx): city office, departments, viewers")
    ResponseEntity<?> preview(@RequestParam LocalDate day, @RequestParam(defaultValue = "json") String format,
                              @RequestParam(defaultValue = "HALF_MONTH") Bulletins.Kind kind) {
        OfficialDocument document = bulletins.preview(kind, day);
        if (format.equals("json")) {
            return ResponseEntity.ok(document);
        }
        return file(document.title() + "（预览）", format(format), bulletins.render(document, format(format)));
    }

    record Issue(Bulletins.Kind kind, LocalDate day) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue the document of a kind (default HALF_MONTH) for the ended period holding 'day' to the 20 counties: city office; once per period, kept as issued")
    Bulletins.Issued issue(@RequestBody Issue issue) {
        if (issue.day() == null) {
            throw new IllegalArgumentException("day：请给出通报所属半月中的任一日期");
        }
        return bulletins.issue(issue.kind() == null ? Bulletins.Kind.HALF_MONTH : issue.kind(), issue.day());
    }

    @GetMapping("/{id}")
    @Operation(summary = "An issued bulletin's document, as issued")
    OfficialDocument content(@PathVariable long id) {
        return bulletins.content(id);
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "An issued bulletin as it went out (format: pdf, docx, xlsx)")
    ResponseEntity<byte[]> issuedFile(@PathVariable long id, @RequestParam String format) {
        Bulletins.Issued b = bulletins.find(id);
        return file(b.title(), format(format), bulletins.file(id, format(format)));
    }

    @PostMapping("/{id}/receipt")
    @Operation(summary = "A county confirms it has read an issued bulletin")
    void acknowledge(@PathVariable long id) {
        bulletins.acknowledge(id);
    }

    @GetMapping("/{id}/receipts")
    @Operation(summary = "Which counties have read an issued bulletin")
    List<Instructions.Receipt> receipts(@PathVariable long id) {
        return bulletins.receipts(id);
    }

    static Bulletins.Format format(String format) {
        return switch (format) {
            case "pdf" -> Bulletins.Format.PDF;
            case "docx" -> Bulletins.Format.DOCX;
            case "xlsx" -> Bulletins.Format.XLSX;
            default -> throw new IllegalArgumentException("format：应为 pdf、docx 或 xlsx");
        };
    }

    static ResponseEntity<byte[]> file(String name, Bulletins.Format format, byte[] bytes) {
        String fileName = name + "." + format.name().toLowerCase(java.util.Locale.ROOT);
        return switch (format) {
            case PDF -> Downloads.inline(fileName, MediaType.APPLICATION_PDF, bytes);
            case DOCX -> Downloads.attachment(fileName, Downloads.DOCX, bytes);
            case XLSX -> Downloads.workbook(fileName, bytes);
        };
    }
}
