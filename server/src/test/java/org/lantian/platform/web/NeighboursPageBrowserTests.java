package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lantian.platform.PlatformTest;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The joint-prevention page in Chromium: the neighbours on the map, the comparison with its chart, the documents. */
@PlatformTest
class NeighboursPageBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Test
    void theOfficeSeesTheNeighboursTheComparisonAndItsKey() throws Exception {
        signIn("city", "lantian2023");
        open("/neighbours");
        assertThat(column("comparison", 1)).containsExactly("邢台市", "聊城市", "濮阳市", "安阳市", "长治市", "晋中市");
        assertThat(column("comparison", 2)).contains("北", "南");
        waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#neighbours-map canvas")).isEmpty()
                && !d.findElements(By.cssSelector("#lag-chart canvas")).isEmpty());
        waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("neighbours-hour")).getText().isEmpty());
        assertThat(text("public-key")).matches("[A-Za-z0-9+/=]{40,}");
        assertThat(browser().findElements(By.cssSelector("#neighbours tbody tr"))).hasSize(6);
        screenshot("neighbours");

        signIn("wuan", "lantian2023");
        open("/neighbours");
        assertThat(column("comparison", 1)).hasSize(6);
        assertThat(browser().findElements(By.id("neighbours"))).as("the registry is the office's").isEmpty();
    }
}
