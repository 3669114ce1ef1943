package org.lantian.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.lantian.platform.monitoring.ImportCommand;
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

    /** All official figures use Beijing time (DESIGN.md, "Time, units, numbers"). */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(LantianApplication.class);
        if (ImportCommand.isRequested(args)) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        application.run(args);
    }

    /** The one clock every module reads, so tests can control time. */
    @Bean
    Clock clock() {
        return Clock.system(BEIJING);
    }
}
