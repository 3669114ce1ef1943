package org.lantian.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole platform on its embedded PostgreSQL, with demo accounts and two days of demo data, on a
 * random port, with MockMvc for form-login tests. Every test class that uses it shares one application
 * context and one database: add nothing per class that would make Spring build a second one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PlatformTest.TestBeans.class)
public @interface PlatformTest {

    @TestConfiguration(proxyBeanMethods = false)
    class TestBeans {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        RecordedEvents recordedEvents() {
            return new RecordedEvents();
        }

        /** Where the last session was created, for tests that prove API calls create none. */
        @Bean
        jakarta.servlet.http.HttpSessionListener sessionCreations() {
            return new jakarta.servlet.http.HttpSessionListener() {
                @Override
                public void sessionCreated(jakarta.servlet.http.HttpSessionEvent event) {
                    java.io.StringWriter trace = new java.io.StringWriter();
                    new Throwable("session created").printStackTrace(new java.io.PrintWriter(trace));
                    LAST_SESSION_CREATED.set(trace.toString());
                }
            };
        }
    }

    java.util.concurrent.atomic.AtomicReference<String> LAST_SESSION_CREATED = new java.util.concurrent.atomic.AtomicReference<>("");
}
