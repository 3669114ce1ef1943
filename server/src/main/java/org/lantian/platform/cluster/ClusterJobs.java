package org.lantian.platform.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;

/**
 * Scheduled work done by one node at a time: each job takes a PostgreSQL advisory lock named after it for
 * as long as it runs; a node that finds the lock taken skips this round (the other node is doing it). The
 * lock is the session's, on a connection held for the run, so it is released however the job ends, even
 * if the node dies (the database drops a dead session's locks).
 */
@Service
public class ClusterJobs {

    /** Advisory locks of this application are (this, job) pairs, apart from any other user of the database. */
    private static final int NAMESPACE = 0x4c54; // "LT"

    private final DataSource dataSource;

    ClusterJobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code job} unless another node is running the job of this name; its result, or empty if it ran elsewhere. */
    public <T> java.util.Optional<T> once(String name, java.util.function.Supplier<T> job) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        return once(name, () -> result.set(job.get())) ? java.util.Optional.ofNullable(result.get()) : java.util.Optional.empty();
    }

    /** Runs {@code job} unless another node is running the job of this name; returns whether it ran here. */
    public boolean once(String name, Runnable job) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!lock(connection, "SELECT pg_try_advisory_lock(?, ?)", name)) {
                return false;
            }
            try {
                job.run();
                return true;
            } finally {
                lock(connection, "SELECT pg_advisory_unlock(?, ?)", name);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("advisory lock for job " + name, e);
        }
    }

    private static boolean lock(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, NAMESPACE);
            statement.setInt(2, key(name));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    static int key(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
