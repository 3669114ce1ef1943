package org.lantian.platform.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.identity.Actors;
import org.lantian.platform.workbooks.OfficeWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The plans shipped with the platform (real content, not demo: the 2023 edition's annexes 1–5 and its numeric
 * targets, converted from the plan text into the annexes' layout under {@code classpath:plan/<year>/}), loaded
 * on start where the year is not there yet; then the projects are linked to the register's enterprises of the
 * same name (the register may have been filled since).
 */
@Component
@Order(25)
class PlanSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanSeed.class);

    /** Each shipped plan's year and title. */
    static final Map<Integer, String> SHIPPED = Map.of(2023, "邯郸市2023年大气污染综合治理暨全面巩固“退后十”成果工作方案");
    private static final Map<String, String> FILES = Map.of(PlanSheets.ANNEX1, "annex1.csv", PlanSheets.ANNEX2, "annex2.csv",
            PlanSheets.ANNEX3, "annex3.csv", PlanSheets.ANNEX4, "annex4.csv", PlanSheets.ANNEX5, "annex5.csv", PlanSheets.TARGETS, "targets.csv");

    private final Plans plans;
    private final Actors actors;

    PlanSeed(Plans plans, Actors actors) {
        this.plans = plans;
        this.actors = actors;
    }

    @Override
    public void run(ApplicationArguments args) {
        actors.asSystem(() -> {
            SHIPPED.forEach((year, title) -> {
                if (plans.plans().stream().noneMatch(p -> p.year() == year)) {
                    Plans.ImportReport report = plans.store(year, title, "随平台提供（由方案文本整理）", sheets(year));
                    if (!report.stored()) {
                        throw new IllegalStateException("the shipped " + year + " plan does not import: " + report.errors());
                    }
                    log.info("Plan {} loaded: {}", year, report.rows());
                }
            });
            int linked = plans.linkEnterprises();
            if (linked > 0) {
                log.info("Plan projects linked to {} enterprises of the register", linked);
            }
        });
    }

    static Map<String, OfficeWorkbook.Parsed> sheets(int year) {
        Map<String, OfficeWorkbook.Parsed> sheets = new LinkedHashMap<>();
        PlanSheets.COLUMNS.forEach((sheet, columns) -> {
            try (InputStream in = new ClassPathResource("plan/" + year + "/" + FILES.get(sheet)).getInputStream()) {
                sheets.put(sheet, OfficeWorkbook.readCsv(in, List.copyOf(columns), Plans.MAX_ROWS));
            } catch (IOException e) {
                throw new UncheckedIOException("plan/" + year + "/" + FILES.get(sheet), e);
            }
        });
        return sheets;
    }
}
