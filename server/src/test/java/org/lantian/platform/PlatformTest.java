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
    }
}
