package org.lantian.platform;

import org.lantian.platform.identity.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A test that calls the running platform over HTTP as one of the demo accounts, and reads the database. */
@PlatformTest
public abstract class ApiTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestTokens tokens;
    @Autowired
    protected JdbcClient jdbc;

    /** The API as {@code username} would call it, with a real bearer token. */
    protected Api as(String username) {
        return new Api(port, tokens.of(username));
    }
}
