package org.lantian.platform.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled  load demo users, demo stations and simulated data on a first start
 * @param days     how many days of simulated hourly data, ending now
 * @param password the password of every demo account
 * @param townshipsPerUnit how many demo township stations each county-level unit gets (besides its county station);
 *                 raise it with {@code days} to load-test with a city-sized network
 */
@ConfigurationProperties("lantian.demo")
record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60") int days,
                      @DefaultValue("lantian2023") String password, @DefaultValue("1") int townshipsPerUnit) {
}
