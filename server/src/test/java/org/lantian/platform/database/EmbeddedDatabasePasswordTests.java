package org.lantian.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.lantian.platform.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded PostgreSQL asks every connection for its generated password and trusts no one. */
@PlatformTest
class EmbeddedDatabasePasswordTests {

    @Autowired
    HikariDataSource dataSource;

    @Test
    void aConnectionWithoutThePasswordIsRefusedAndThePasswordIsKeptForItsOwnerOnly() throws Exception {
        String url = dataSource.getJdbcUrl();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guess")).hasMessageContaining("password authentication failed");
        Path file = Path.of("target/test-postgres.password");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var connection = DriverManager.getConnection(url, "postgres", password)) {
            assertThat(connection.isValid(2)).isTrue();
        }
        assertThat(Files.readString(Path.of("target/test-postgres/pg_hba.conf"))).doesNotContain("trust");
    }
}
