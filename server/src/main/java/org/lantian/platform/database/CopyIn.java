package org.lantian.platform.database;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Streams rows into PostgreSQL with {@code COPY ... FROM STDIN} on the current transaction's connection:
 * the fastest way in, several times faster than batched inserts. The JDBC driver offers only the raw
 * stream, so the writer, connection and error handling live here once.
 */
public final class CopyIn {

    /** Writes the rows of a COPY; may return what it learned while writing. */
    @FunctionalInterface
    public interface Rows<T> {
        T write(Writer out) throws IOException;
    }

    private CopyIn() {
    }

    /**
     * Runs {@code copySql} and feeds it what {@code rows} writes. While the COPY is open the connection
     * answers nothing else: look up what the rows need before.
     */
    public static <T> T copy(DataSource dataSource, String copySql, Rows<T> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, copySql, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16)) {
                return rows.write(out);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(copySql + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
