package org.lantian.platform.airquality;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** On a first start, maps the national network's stations to cities from the bundled list (airquality/SOURCE.md). */
@Component
@Order(11)
class NetworkReferenceData implements ApplicationRunner {

    private final NationalNetwork network;

    NetworkReferenceData(NationalNetwork network) {
        this.network = network;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (network.hasStationList() && network.hasStationPositions()) {
            return;
        }
        try (Reader reader = new InputStreamReader(new ClassPathResource("airquality/national-stations-newsitelist.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            if (network.hasStationList()) {
                network.addStationPositions(reader); // a list loaded before stations had positions
            } else {
                network.replaceStationList(reader);
            }
        }
    }
}
