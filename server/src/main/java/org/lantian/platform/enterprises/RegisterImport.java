package org.lantian.platform.enterprises;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lantian.platform.geo.Datum;
import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.monitoring.IngestReport.RowError;
import org.lantian.platform.workbooks.OfficeWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the office's register workbook ({@link RegisterWorkbook}). Every row is checked first and each
 * wrong one is named by line, column and reason (the same {@link RowError} the observation imports report).
 * {@link Mode#WHOLE_FILE} stores nothing when a row is wrong; {@link Mode#ROW_BY_ROW} stores every right row.
 * New enterprises are registered in one batch; rows of registered ones update them.
 */
@Service
public class RegisterImport {

    public enum Mode { WHOLE_FILE, ROW_BY_ROW }

    /** What an import did; {@code received = registered + updated + rejected}. */
    public record Report(int received, int registered, int updated, int rejected, boolean stored, List<RowError> errors) {
    }

    private final Enterprises enterprises;
    private final Grades grades;
    private final Divisions divisions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RegisterImport(Enterprises enterprises, Grades grades, Divisions divisions, JdbcClient jdbc,
                   org.springframework.transaction.PlatformTransactionManager transactionManager, Clock clock) {
        this.enterprises = enterprises;
        this.grades = grades;
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** One checked row: the registration, its grade and lists. */
    private record Checked(int line, Enterprises.Registration registration, String scheme, String grade, LocalDate gradedOn,
                           List<EnterpriseFlag> flags) {
    }

    public Report importWorkbook(InputStream in, Mode mode, String reason) throws IOException {
        OfficeWorkbook.Parsed parsed = RegisterWorkbook.read(in);
        if (!parsed.missingColumns().isEmpty()) {
            return new Report(0, 0, 0, 0, false, parsed.missingColumns().stream()
                    .map(c -> new RowError(1, c, "表头缺少“" + c + "”列（表头见 docs/enterprises.md）")).toList());
        }
        java.util.Set<String> registered = new java.util.HashSet<>(jdbc.sql("SELECT credit_code FROM enterprise").query(String.class).list());
        List<Checked> fresh = new ArrayList<>();
        List<Checked> updates = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Grades.Scheme> schemes = grades.schemes();   // once, not once a row
        for (OfficeWorkbook.Line line : parsed.lines()) {
            try {
                Checked checked = check(line, schemes);
                String code = checked.registration().creditCode();
                if (!seen.add(code)) {
                    throw new RowProblem(RegisterWorkbook.CODE, code + " 在本文件中重复");
                }
                (registered.contains(code) ? updates : fresh).add(checked);
            } catch (RowProblem p) {
                errors.add(p.at(line.line()));
            }
        }
        int received = parsed.lines().size();
        if (mode == Mode.WHOLE_FILE && !errors.isEmpty()) {
            return new Report(received, 0, 0, errors.size(), false, errors);
        }
        if (fresh.isEmpty() && updates.isEmpty()) {
            return new Report(received, 0, 0, errors.size(), false, errors);
        }
        int[] updated = {0};
        transactions.executeWithoutResult(status -> {
            enterprises.registerAll(fresh.stream().map(Checked::registration).toList(), reason);
            for (Checked c : updates) {
                enterprises.change(c.registration().creditCode(), c.registration(), reason);
                updated[0]++;
            }
            List<Grades.FirstGrade> first = new ArrayList<>();
            Map<EnterpriseFlag, List<String>> listed = new java.util.EnumMap<>(EnterpriseFlag.class);
            for (Checked c : fresh) {
                if (c.grade() != null) {
                    first.add(new Grades.FirstGrade(c.registration().creditCode(), c.scheme(), c.grade(), c.gradedOn(), "导入"));
                }
                c.flags().forEach(flag -> listed.computeIfAbsent(flag, f -> new ArrayList<>()).add(c.registration().creditCode()));
            }
            listed.forEach((flag, codes) -> enterprises.flagAll(codes, flag, LocalDate.now(clock), reason));
            if (!first.isEmpty()) {
                grades.recordFirst(first);
            }
        });
        return new Report(received, fresh.size(), updated[0], errors.size(), true, errors);
    }

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("creditCode", RegisterWorkbook.CODE, "name", RegisterWorkbook.NAME,
            "countyCode", RegisterWorkbook.COUNTY, "lon", RegisterWorkbook.LON, "lat", RegisterWorkbook.LAT,
            "industryCode", RegisterWorkbook.INDUSTRY_CODE);

    private Checked check(OfficeWorkbook.Line line, List<Grades.Scheme> schemes) {
        Map<String, String> cells = line.cells();
        String county = cells.get(RegisterWorkbook.COUNTY);
        String countyCode = null;
        if (county != null) {
            countyCode = divisions.countyLevelUnit(county).map(Division::code)
                    .orElseThrow(() -> new RowProblem(RegisterWorkbook.COUNTY, "“" + county + "”不是邯郸市的县（市、区）"));
        }
        BigDecimal lon = decimal(cells, RegisterWorkbook.LON);
        BigDecimal lat = decimal(cells, RegisterWorkbook.LAT);
        Datum datum = datum(cells.get(RegisterWorkbook.DATUM));
        EnterpriseStatus status = status(cells.get(RegisterWorkbook.STATUS));
        Enterprises.Registration r = new Enterprises.Registration(cells.get(RegisterWorkbook.CODE), cells.get(RegisterWorkbook.NAME),
                countyCode, cells.get(RegisterWorkbook.TOWNSHIP), cells.get(RegisterWorkbook.ADDRESS), lon, lat, datum,
                cells.get(RegisterWorkbook.INDUSTRY_CODE), cells.get(RegisterWorkbook.INDUSTRY_NAME), cells.get(RegisterWorkbook.GRADING_INDUSTRY),
                cells.get(RegisterWorkbook.CLUSTER), status, null, false);
        try {
            r = enterprises.checked(r);
        } catch (IllegalArgumentException | org.lantian.platform.identity.AccessDenied e) {
            throw RowProblem.fromService(e, field -> COLUMN_OF_FIELD.getOrDefault(field, RegisterWorkbook.CODE));
        }
        String grade = cells.get(RegisterWorkbook.GRADE);
        String scheme = cells.getOrDefault(RegisterWorkbook.SCHEME, "GUIDE2020");
        if (grade != null && schemes.stream().noneMatch(s -> s.code().equals(scheme) && s.grades().contains(grade))) {
            throw new RowProblem(RegisterWorkbook.GRADE, "“" + grade + "”不是分级方案 " + scheme + " 的等级");
        }
        LocalDate gradedOn = java.util.Objects.requireNonNullElse(Cells.date(line, RegisterWorkbook.GRADED_ON), LocalDate.now(clock));
        List<EnterpriseFlag> flags = new ArrayList<>();
        for (EnterpriseFlag flag : EnterpriseFlag.values()) {
            String mark = cells.get(flag.label());
            if (mark != null && !List.of("是", "否", "Y", "N", "1", "0").contains(mark)) {
                throw new RowProblem(flag.label(), "应填“是”或“否”，收到“" + mark + "”");
            }
            if ("是".equals(mark) || "Y".equals(mark) || "1".equals(mark)) {
                flags.add(flag);
            }
        }
        return new Checked(line.line(), r, scheme, grade, gradedOn, flags);
    }

    private static BigDecimal decimal(Map<String, String> cells, String column) {
        String v = cells.get(column);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new RowProblem(column, "“" + v + "”不是数字（小数点用“.”）");
        }
    }

    private static Datum datum(String v) {
        if (v == null) {
            return Datum.WGS84;
        }
        String key = v.toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
        return switch (key) {
            case "WGS84", "GPS" -> Datum.WGS84;
            case "GCJ02", "高德", "腾讯" -> Datum.GCJ02;
            case "BD09", "百度" -> Datum.BD09;
            default -> throw new RowProblem(RegisterWorkbook.DATUM, "“" + v + "”应为 WGS84、GCJ02 或 BD09");
        };
    }

    private static EnterpriseStatus status(String v) {
        if (v == null) {
            return null;
        }
        for (EnterpriseStatus s : EnterpriseStatus.values()) {
            if (s.label().equals(v) || s.name().equalsIgnoreCase(v)) {
                return s;
            }
        }
        throw new RowProblem(RegisterWorkbook.STATUS, "“" + v + "”应为 在产、停产、关闭 或 搬迁");
    }

    @Transactional(readOnly = true)
    public byte[] export(Enterprises.Filter filter) {
        Map<String, String> names = new java.util.HashMap<>();
        divisions.all().forEach(d -> names.put(d.code(), d.shortName()));
        return RegisterWorkbook.write(enterprises.listAll(filter), names);
    }
}
