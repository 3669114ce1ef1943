package org.lantian.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A webhook may not point at this machine or the private network behind it (unless the office allows it). */
class WebhookAddressesTest {

    private final WebhookAddresses guarded = new WebhookAddresses(false);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:5432/", "http://localhost:8080/actuator", "http://10.1.2.3/", "http://172.16.0.9/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://0.0.0.0/",
            "http://100.64.0.1/", "http://[fd00::1]/"})
    void internalAddressesAreRefused(String url) {
        assertThatThrownBy(() -> guarded.check(url)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "114.114.114.114", "223.5.5.5"})
    void publicAddressesAreInternalToNobody(String address) throws Exception {
        assertThat(WebhookAddresses.internal(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/", "not a url", "http:///nohost"})
    void onlyHttpUrlsWithAHost(String url) {
        assertThatThrownBy(() -> guarded.check(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/hook"})
    void theOfficeMayAllowItsOwnNetwork(String url) {
        new WebhookAddresses(true).check(url);
    }
}
