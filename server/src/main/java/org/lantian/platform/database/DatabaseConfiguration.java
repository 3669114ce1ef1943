package org.lantian.platform.database;

import java.io.IOException;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The single DataSource: the configured PostgreSQL, or the embedded one by default. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Holds the embedded server when one runs; destroyed after the DataSource that depends on it. */
    record DatabaseServer(Optional<EmbeddedPostgresServer> embedded) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (embedded.isPresent()) {
                embedded.get().close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseProperties properties) throws IOException {
        return new DatabaseServer(properties.isEmbedded()
                ? Optional.of(EmbeddedPostgresServer.start(properties.embedded()))
                : Optional.empty());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, DatabaseServer server) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("lantian");
        config.setMaximumPoolSize(properties.poolSize());
        config.addDataSourceProperty("reWriteBatchedInserts", "true"); // batched upserts as multi-row statements
        if (server.embedded().isPresent()) {
            config.setJdbcUrl(server.embedded().get().jdbcUrl());
            config.setUsername("postgres");
            config.setPassword(server.embedded().get().password());
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
        }
        return new HikariDataSource(config);
    }
}
