package org.lantian.platform.database;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL that Lantian starts when no external database is configured.
 *
 * <p>Owned by the application context rather than by zonky's shutdown hook: that hook stops PostgreSQL
 * while the connection pool and the event registry are still closing, which hangs shutdown for 30 s.
 * Here the server stops only after everything that depends on it has closed.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(DatabaseProperties.Embedded settings) throws IOException {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        stopOrphanedPostmaster(dataDir);
        if (settings.cleanOnStart()) {
            // done here, not by zonky: zonky empties the folder when it closes, which a killed JVM never does
            emptyFolder(dataDir);
        }
        boolean existing = Files.exists(dataDir.resolve("postgresql.conf"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                // PostgreSQL's defaults suit a tiny machine; bulk imports checkpoint less and buffer more with these
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("wal_buffers", "16MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("temp_buffers", "64MB")
                // zonky starts PostgreSQL with fsync and synchronous_commit off, made for throwaway test databases
                .setServerConfig("fsync", settings.durable() ? "on" : "off")
                .setServerConfig("synchronous_commit", settings.durable() ? "on" : "off");
        if (settings.port() > 0) {
            builder.setPort(settings.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL {} on port {}, data in {}",
                existing && !settings.cleanOnStart() ? "reopened" : "initialised", postgres.getPort(), dataDir);
        return new EmbeddedPostgresServer(postgres);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * After a {@code kill -9} of the JVM, the postmaster it started lives on and holds the data
     * directory. If no live JVM holds zonky's lock on the directory, such a postmaster is a leftover:
     * stop it so this start can proceed.
     */
    private static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        try (FileChannel channel = new RandomAccessFile(dataDir.resolve(ZONKY_LOCK_FILE).toFile(), "rw").getChannel();
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another Lantian process is using the database in " + dataDir
                        + "; stop it first or set lantian.db.embedded.data-dir to another folder");
            }
            ProcessHandle orphan = postmaster.get();
            log.warn("Stopping PostgreSQL (pid {}) left running in {} by an earlier process", orphan.pid(), dataDir);
            orphan.destroy();
            orphan.onExit().completeOnTimeout(orphan, 20, java.util.concurrent.TimeUnit.SECONDS).join();
            if (orphan.isAlive()) {
                orphan.destroyForcibly();
            }
        }
    }

    private static void emptyFolder(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
