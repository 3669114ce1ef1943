package org.lantian.platform.enterprises;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.lantian.platform.workbooks.OfficeWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Performance grades as their own workbook (docs/enterprises.md): one row per grade an enterprise has held,
 * imported as new grades through {@link Grades#record} (scope and history checked as for one), exported
 * as the whole history, which imports back without change.
 */
@Service
public class GradeSheet {

    static final String CODE = RegisterWorkbook.CODE;
    static final String NAME = RegisterWorkbook.NAME;
    static final String SCHEME = RegisterWorkbook.SCHEME;
    static final String GRADE = RegisterWorkbook.GRADE;
    static final String INDUSTRY = RegisterWorkbook.GRADING_INDUSTRY;
    static final String FROM = "生效日期";
    static final String TO = "截止日期";
    static final String EVIDENCE = "依据";

    static final List<String> COLUMNS = List.of(CODE, NAME, SCHEME, GRADE, INDUSTRY, FROM, TO, EVIDENCE);

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("grade", GRADE, "validFrom", FROM, "scheme", SCHEME);

    private final Grades grades;
    private final Enterprises enterprises;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    GradeSheet(Grades grades, Enterprises enterprises, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.grades = grades;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private record Row(String creditCode, String scheme, String grade, String industry, LocalDate from, String evidence) {
    }

    public RowImport.Report importWorkbook(InputStream in, RegisterImport.Mode mode, String reason) throws IOException {
        OfficeWorkbook.Parsed parsed = OfficeWorkbook.read(in, List.of(CODE, GRADE, FROM), RegisterWorkbook.MAX_ROWS);
        // an enterprise's grades in the order they took effect, whatever the sheet's order
        List<OfficeWorkbook.Line> ordered = new ArrayList<>(parsed.lines());
        ordered.sort(java.util.Comparator.comparing((OfficeWorkbook.Line l) -> String.valueOf(l.get(CODE)))
                .thenComparing(l -> String.valueOf(l.get(FROM))));
        List<Grades.Scheme> schemes = grades.schemes();
        return RowImport.run(new OfficeWorkbook.Parsed(ordered, parsed.missingColumns()), mode, new RowImport.Rows<Row>() {
            @Override
            public Row check(OfficeWorkbook.Line line) {
                String code = line.get(CODE);
                String scheme = line.cells().getOrDefault(SCHEME, "GUIDE2020");
                String grade = line.get(GRADE);
                if (schemes.stream().noneMatch(s -> s.code().equals(scheme))) {
                    throw new RowProblem(SCHEME, "“" + scheme + "”不是分级方案（GUIDE2020 或 FRAMEWORK2026）");
                }
                if (schemes.stream().noneMatch(s -> s.code().equals(scheme) && s.grades().contains(grade))) {
                    throw new RowProblem(GRADE, "“" + grade + "”不是分级方案 " + scheme + " 的等级");
                }
                try {
                    enterprises.find(code);
                } catch (org.lantian.platform.monitoring.NotFound e) {
                    throw new RowProblem(CODE, "企业 " + code + " 不在清单中（或不属本单位）");
                }
                String evidence = line.get(EVIDENCE) == null ? reason : line.get(EVIDENCE);
                return new Row(code, scheme, grade, line.get(INDUSTRY), Cells.date(line, FROM), evidence);
            }

            @Override
            public boolean recorded(Row row) {
                return jdbc.sql("SELECT EXISTS (SELECT 1 FROM enterprise_grade WHERE credit_code = ? AND scheme = ? AND grade = ? AND valid_from = ?)")
                        .params(row.creditCode(), row.scheme(), row.grade(), java.sql.Date.valueOf(row.from())).query(Boolean.class).single();
            }

            @Override
            public void store(Row row) {
                grades.record(row.creditCode(), row.scheme(), row.grade(), row.industry(), row.from(), row.evidence());
            }

            @Override
            public String columnOf(String field) {
                return COLUMN_OF_FIELD.getOrDefault(field, CODE);
            }
        }, transactions);
    }

    /** Every grade of the enterprises the filter selects, oldest first per enterprise. */
    public byte[] export(Enterprises.Filter filter) {
        OfficeWorkbook.Writer book = OfficeWorkbook.writer("绩效分级").header(COLUMNS);
        List<Enterprise> selected = enterprises.listAll(filter);
        Map<String, List<Grades.Grade>> histories = grades.histories(selected);
        for (Enterprise e : selected) {
            for (Grades.Grade g : histories.getOrDefault(e.creditCode(), List.of())) {
                book.row(Arrays.asList(e.creditCode(), e.name(), g.scheme(), g.grade(), g.gradingIndustry(), g.validFrom().toString(),
                        g.validTo() == null ? null : g.validTo().toString(), g.evidence()));
            }
        }
        return book.widths(20, 30, 14, 8, 12, 12, 12, 30).bytes();
    }
}
