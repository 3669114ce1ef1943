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
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
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
        String password = password(dataDir);
        builder.setConnectConfig("password", password);
        EmbeddedPostgres postgres = builder.start();
        requirePassword(postgres, dataDir, password);
        log.info("Embedded PostgreSQL {} on port {}, data in {}",
                existing && !settings.cleanOnStart() ? "reopened" : "initialised", postgres.getPort(), dataDir);
        return new EmbeddedPostgresServer(postgres, password);
    }

    /** The superuser's password: generated once, kept beside the data folder, readable by its owner only. */
    private static String password(Path dataDir) throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + ".password");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, password + "\n");
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Cannot restrict {} to its owner on this file system", file);
        }
        return password;
    }

    /**
     * zonky initialises a data folder that trusts every local connection as superuser. On the first start the
     * superuser gets the generated password and every connection must then give it (SCRAM); the server
     * listens on the loopback interface only (PostgreSQL's default, which zonky keeps).
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path dataDir, String password) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        String wanted = """
                # Lantian: every connection gives the superuser's password (SCRAM); the server listens on loopback only
                local all all scram-sha-256
                host  all all 127.0.0.1/32 scram-sha-256
                host  all all ::1/128 scram-sha-256
                """;
        if (Files.readString(hba).equals(wanted)) {
            return;
        }
        try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            // the password is our own base64url text, nothing a user typed
            statement.execute("ALTER USER postgres PASSWORD '" + password + "'");
            Files.writeString(hba, wanted);
            statement.execute("SELECT pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot set the embedded database's password", e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    String password() {
        return password;
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
