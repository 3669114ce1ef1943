package org.lantian.platform.enterprises;

import java.util.ArrayList;
import java.util.List;

import org.lantian.platform.monitoring.IngestReport.RowError;
import org.lantian.platform.workbooks.OfficeWorkbook;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workbook whose rows each become one change through a service (a grade recorded, an enterprise put on the
 * whitelist): every row checked first and each wrong one named by line, column and reason; the whole file in
 * one transaction or nothing ({@link RegisterImport.Mode#WHOLE_FILE}), or each right row on its own
 * ({@link RegisterImport.Mode#ROW_BY_ROW}). A row already recorded is counted, not stored twice, so an
 * exported workbook imports back without change.
 */
final class RowImport {

    /** What an import did; {@code received = recorded + unchanged + rejected}. */
    record Report(int received, int recorded, int unchanged, int rejected, boolean stored, List<RowError> errors) {
    }

    /** What one kind of row is: how it is read and checked, whether it is already there, how it is stored. */
    interface Rows<T> {

        /** @throws RowProblem naming the column and the reason */
        T check(OfficeWorkbook.Line line);

        boolean recorded(T row);

        /** Stores the row through the service (which checks scope and history again). */
        void store(T row);

        /** The column a service's refusal of this row is reported under. */
        String columnOf(String field);
    }

    private RowImport() {
    }

    static <T> Report run(OfficeWorkbook.Parsed parsed, RegisterImport.Mode mode, Rows<T> rows, TransactionTemplate transactions) {
        if (!parsed.missingColumns().isEmpty()) {
            return new Report(0, 0, 0, 0, false, parsed.missingColumns().stream()
                    .map(c -> new RowError(1, c, "表头缺少“" + c + "”列（表头见 docs/enterprises.md）")).toList());
        }
        List<RowError> errors = new ArrayList<>();
        List<Checked<T>> fresh = new ArrayList<>();
        int unchanged = 0;
        for (OfficeWorkbook.Line line : parsed.lines()) {
            try {
                T row = rows.check(line);
                if (rows.recorded(row)) {
                    unchanged++;
                } else {
                    fresh.add(new Checked<>(line.line(), row));
                }
            } catch (RowProblem p) {
                errors.add(p.at(line.line()));
            }
        }
        int received = parsed.lines().size();
        if (mode == RegisterImport.Mode.WHOLE_FILE && !errors.isEmpty() || fresh.isEmpty()) {
            return new Report(received, 0, unchanged, errors.size(), false, errors);
        }
        if (mode == RegisterImport.Mode.WHOLE_FILE) {
            RowError[] refused = new RowError[1];
            transactions.executeWithoutResult(status -> {
                for (Checked<T> c : fresh) {
                    refused[0] = storeOrName(c, rows);
                    if (refused[0] != null) {
                        status.setRollbackOnly();
                        return;
                    }
                }
            });
            return refused[0] == null ? new Report(received, fresh.size(), unchanged, 0, true, errors)
                    : new Report(received, 0, unchanged, 1, false, List.of(refused[0]));
        }
        int recorded = 0;
        for (Checked<T> c : fresh) {
            RowError refused = transactions.execute(status -> {
                RowError e = storeOrName(c, rows);
                if (e != null) {
                    status.setRollbackOnly();   // the service's own transaction marked it; roll back this row quietly
                }
                return e;
            });
            if (refused == null) {
                recorded++;
            } else {
                errors.add(refused);
            }
        }
        errors.sort(java.util.Comparator.comparingLong(RowError::line));
        return new Report(received, recorded, unchanged, errors.size(), recorded > 0, errors);
    }

    private record Checked<T>(int line, T row) {
    }

    /** Stores a row; the service's refusal (a grade older than the latest, a scope) becomes the row's error. */
    private static <T> RowError storeOrName(Checked<T> c, Rows<T> rows) {
        try {
            rows.store(c.row());
            return null;
        } catch (IllegalArgumentException | IllegalStateException | org.lantian.platform.identity.AccessDenied
                 | org.lantian.platform.monitoring.NotFound e) {
            return RowProblem.fromService(e, rows::columnOf).at(c.line());
        }
    }
}
