package org.lantian.platform.enterprises;

import java.util.function.UnaryOperator;

import org.lantian.platform.monitoring.IngestReport.RowError;

/** A wrong cell of an imported row: which column, and why. */
final class RowProblem extends RuntimeException {

    final String column;

    RowProblem(String column, String message) {
        super(message);
        this.column = column;
    }

    RowError at(long line) {
        return new RowError(line, column, getMessage());
    }

    /** A service's refusal ("field：reason") as the column the field was read from. */
    static RowProblem fromService(RuntimeException e, UnaryOperator<String> columnOfField) {
        String message = e.getMessage() == null ? "不符合要求" : e.getMessage();
        int colon = message.indexOf('：');
        String field = colon > 0 ? message.substring(0, colon).split("[、.\\[]")[0] : "";
        return new RowProblem(columnOfField.apply(field), colon > 0 && field.matches("[A-Za-z]+") ? message.substring(colon + 1) : message);
    }
}
