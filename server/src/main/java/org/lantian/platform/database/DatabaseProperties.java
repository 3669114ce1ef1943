package org.lantian.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the system of record lives. With no {@code url}, Lantian runs its own embedded PostgreSQL in
 * {@code embedded.dataDir}; with a url, it uses that server (PostgreSQL 14 or later).
 */
@ConfigurationProperties("lantian.db")
record DatabaseProperties(
        String url,
        @DefaultValue("lantian") String username,
        @DefaultValue("") String password,
        @DefaultValue("10") int poolSize,
        @DefaultValue Embedded embedded) {

    /**
     * @param durable fsync and synchronous commit on, so an acknowledged write survives a crash of the
     *                machine; only tests switch it off, for speed
     */
    record Embedded(
            @DefaultValue("data/postgres") Path dataDir,
            @DefaultValue("0") int port,
            @DefaultValue("false") boolean cleanOnStart,
            @DefaultValue("true") boolean durable) {
    }

    boolean isEmbedded() {
        return url == null || url.isBlank();
    }
}
