package org.lantian.platform;

import java.time.Clock;
import java.util.Arrays;

import org.lantian.standards.BeijingTime;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Lantian (蓝天): Handan's air-pollution command-and-dispatch platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LantianApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(LantianApplication.class);
        // the import command (monitoring's ImportCommand) needs no web server
        if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--import."))) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        application.run(args);
    }

    /** The one clock every module reads, so tests can control time. */
    @Bean
    Clock clock() {
        return Clock.system(BeijingTime.ZONE);
    }
}
