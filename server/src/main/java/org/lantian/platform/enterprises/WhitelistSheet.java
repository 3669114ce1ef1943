package org.lantian.platform.enterprises;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.lantian.platform.geo.Divisions;
import org.lantian.platform.workbooks.OfficeWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whitelist as its own workbook (docs/enterprises.md): exported with every record's state and dates;
 * imported by the city office to record the enterprises it included before the platform kept the list
 * ({@link Whitelist#includeExisting}). A row already recorded (same enterprise, state and dates) is
 * counted as unchanged, so the export imports back without change.
 */
@Service
public class WhitelistSheet {

    static final String CODE = RegisterWorkbook.CODE;
    static final String NAME = RegisterWorkbook.NAME;
    static final String COUNTY = RegisterWorkbook.COUNTY;
    static final String STATE = "状态";
    static final String REASON = "推荐理由";
    static final String INCLUDED_ON = "纳入日期";
    static final String EVERY = "复核周期（天）";
    static final String NEXT_DUE = "下次复核日期";
    static final String REMOVED_ON = "移出日期";
    static final String REMOVAL_REASON = "移出原因";

    static final List<String> COLUMNS = List.of(CODE, NAME, COUNTY, STATE, REASON, INCLUDED_ON, EVERY, NEXT_DUE, REMOVED_ON, REMOVAL_REASON);

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("includedOn", INCLUDED_ON, "recheckEveryDays", EVERY);

    private final Whitelist whitelist;
    private final Enterprises enterprises;
    private final Divisions divisions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    WhitelistSheet(Whitelist whitelist, Enterprises enterprises, Divisions divisions, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.whitelist = whitelist;
        this.enterprises = enterprises;
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private record Row(String creditCode, Whitelist.State state, String reason, LocalDate includedOn, Integer every, LocalDate nextDue) {
    }

    public RowImport.Report importWorkbook(InputStream in, RegisterImport.Mode mode) throws IOException {
        OfficeWorkbook.Parsed parsed = OfficeWorkbook.read(in, List.of(CODE, INCLUDED_ON), RegisterWorkbook.MAX_ROWS);
        return RowImport.run(parsed, mode, new RowImport.Rows<Row>() {
            @Override
            public Row check(OfficeWorkbook.Line line) {
                String code = line.get(CODE);
                try {
                    enterprises.find(code);
                } catch (org.lantian.platform.monitoring.NotFound e) {
                    throw new RowProblem(CODE, "企业 " + code + " 不在清单中（或不属本单位）");
                }
                Whitelist.State state = state(line.get(STATE));
                LocalDate includedOn = Cells.date(line, INCLUDED_ON);
                if (state == Whitelist.State.INCLUDED && includedOn == null) {
                    throw new RowProblem(INCLUDED_ON, "已纳入的企业请填写纳入日期");
                }
                return new Row(code, state, line.get(REASON), includedOn, Cells.whole(line, EVERY, 1, 1096), Cells.date(line, NEXT_DUE));
            }

            @Override
            public boolean recorded(Row row) {
                return jdbc.sql("""
                                SELECT EXISTS (SELECT 1 FROM enterprise_whitelist WHERE credit_code = ? AND state = ?
                                                  AND included_on IS NOT DISTINCT FROM ?)""")
                        .params(row.creditCode(), row.state().name(), row.includedOn() == null ? null : java.sql.Date.valueOf(row.includedOn()))
                        .query(Boolean.class).single();
            }

            @Override
            public void store(Row row) {
                if (row.state() != Whitelist.State.INCLUDED) {
                    throw new IllegalArgumentException("state：只能导入已纳入的企业；推荐、审核、移出请在白名单页办理");
                }
                whitelist.includeExisting(row.creditCode(), row.includedOn(), row.every(), row.nextDue(), row.reason());
            }

            @Override
            public String columnOf(String field) {
                return field.equals("state") ? STATE : COLUMN_OF_FIELD.getOrDefault(field, CODE);
            }
        }, transactions);
    }

    private static Whitelist.State state(String label) {
        if (label == null) {
            return Whitelist.State.INCLUDED;
        }
        return Arrays.stream(Whitelist.State.values()).filter(s -> s.label().equals(label) || s.name().equalsIgnoreCase(label)).findFirst()
                .orElseThrow(() -> new RowProblem(STATE, "“" + label + "”应为 已纳入、待审核、未纳入 或 已移出"));
    }

    /** Every whitelist record the actor may see, newest first. */
    public byte[] export() {
        OfficeWorkbook.Writer book = OfficeWorkbook.writer("监管白名单").header(COLUMNS);
        for (Whitelist.Entry e : whitelist.list(null)) {
            book.row(Arrays.asList(e.creditCode(), e.enterpriseName(), divisions.find(e.countyCode()).map(d -> d.shortName()).orElse(e.countyCode()),
                    e.state().label(), e.proposalReason(), text(e.includedOn()), e.recheckEveryDays(), text(e.nextRecheckDue()), text(e.removedOn()),
                    e.removalReason()));
        }
        return book.widths(20, 30, 12, 8, 30, 12, 12, 12, 12, 30).bytes();
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
