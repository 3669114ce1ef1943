package org.lantian.platform.participation;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.lantian.platform.alerts.Ticket;
import org.lantian.platform.files.EvidenceFiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "participation", description = "Reports and suggestions from the public, their tracking codes, and the city office's intake queue")
class ParticipationController {

    private final PublicReports reports;

    ParticipationController(PublicReports reports) {
        this.reports = reports;
    }

    @PostMapping(value = "/api/public/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Anyone reports pollution or makes a suggestion (category, text, optional position, contact and up to 3 photos); returns the tracking code")
    PublicReports.Tracking submit(@RequestParam PublicReports.Category category, @RequestParam String text,
                                  @RequestParam(required = false) BigDecimal lon, @RequestParam(required = false) BigDecimal lat,
                                  @RequestParam(required = false) String contact, @RequestParam(required = false) List<MultipartFile> photos,
                                  HttpServletRequest request) throws IOException {
        if (photos != null && photos.size() > PublicReports.MAX_PHOTOS) {
            throw new IllegalArgumentException("photos：最多 " + PublicReports.MAX_PHOTOS + " 张照片");
        }
        for (MultipartFile p : photos == null ? List.<MultipartFile>of() : photos) {
            if (p.getSize() > PublicReports.MAX_PHOTO_BYTES) {
                throw new IllegalArgumentException("photos：“" + EvidenceFiles.cleanName(p.getOriginalFilename()) + "”超过 5 MB");
            }
        }
        return reports.submit(category, text, lon, lat, contact, request.getRemoteAddr(), EvidenceFiles.readAll(photos));
    }

    @GetMapping("/api/public/reports/{code}")
    @Operation(summary = "A report's status by its tracking code (nothing of its content or reporter)")
    PublicReports.Tracking track(@PathVariable String code) {
        return reports.track(code);
    }

    @GetMapping("/api/participation/reports")
    @Operation(summary = "The intake queue (city office), waiting reports first, with the reporter's contact and address")
    List<PublicReports.Intake> intake(@RequestParam(defaultValue = "false") boolean waiting) {
        return reports.intake(waiting);
    }

    record Push(String countyCode) {
    }

    @PostMapping("/api/participation/reports/{id}/push")
    @Operation(summary = "Push a report to the county that owns its place (or the countyCode the office names), photos attached (city office)")
    Ticket push(@PathVariable long id, @RequestBody(required = false) Push push) {
        return reports.push(id, push == null ? null : push.countyCode());
    }

    @GetMapping("/api/participation/reports/{id}/photos")
    @Operation(summary = "A report's photos (city office)")
    List<PublicReports.Photo> photos(@PathVariable long id) {
        return reports.photos(id);
    }

    @GetMapping("/api/participation/reports/{id}/photos/{photoId}")
    @Operation(summary = "One photo of a report (city office)")
    org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        PublicReports.Photo p = reports.photos(id).stream().filter(x -> x.id() == photoId).findFirst()
                .orElseThrow(() -> new org.lantian.platform.monitoring.NotFound("举报 " + id + " 的照片 " + photoId));
        return org.lantian.platform.files.Downloads.inline(p.filename(), MediaType.parseMediaType(p.contentType()), reports.photoBytes(id, photoId));
    }

    record Answer(String answer, Boolean dismiss) {
    }

    @PostMapping("/api/participation/reports/{id}/answer")
    @Operation(summary = "Answer a report publicly, or dismiss it with the reason (city office)")
    PublicReports.Tracking answer(@PathVariable long id, @RequestBody Answer a) {
        return reports.answer(id, a.answer(), Boolean.TRUE.equals(a.dismiss()));
    }

    @ExceptionHandler(SubmissionLimit.TooMany.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    ProblemDetail tooMany(SubmissionLimit.TooMany e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        p.setTitle("提交过于频繁");
        return p;
    }
}
