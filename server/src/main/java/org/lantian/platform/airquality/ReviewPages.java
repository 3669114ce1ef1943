package org.lantian.platform.airquality;

import java.io.IOException;
import java.io.Reader;
import java.time.YearMonth;
import java.util.List;

import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.monitoring.BadInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The data-review page: reviewed months, what each review changed, and the city office's import. */
@Controller
class ReviewPages {

    private final ReviewedMonths reviews;
    private final Actors actors;

    ReviewPages(ReviewedMonths reviews, Actors actors) {
        this.reviews = reviews;
        this.actors = actors;
    }

    @GetMapping("/airquality/review")
    String page(Model model) {
        String area = actors.current().scope().citywide() ? Divisions.CITY_CODE : actors.current().scope().countyCodes().iterator().next();
        List<ReviewedMonths.Comparison> comparisons = reviews.list().stream().map(r -> reviews.compare(area, r.month())).toList();
        model.addAttribute("comparisons", comparisons);
        return "airquality/review";
    }

    @PostMapping("/airquality/review")
    String importReviewed(@RequestParam YearMonth month, @RequestParam String format, @RequestParam(required = false) String reason,
                          @RequestParam MultipartFile file, Model model) throws IOException {
        try (Reader reader = Uploads.reader(file)) {
            model.addAttribute("outcome", reviews.importReviewedFile(month, format, file.getOriginalFilename(), reader, reason));
        } catch (BadInput | IllegalArgumentException e) {
            model.addAttribute("failure", e.getMessage());
        }
        return page(model);
    }
}
