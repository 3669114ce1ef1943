package org.lantian.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.lantian.platform.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** While the demo loads (the web server already answers), every page says so rather than that there is no data. */
@PlatformTest
class DemoLoadingTests {

    @Autowired
    DemoLoading loading;
    @Autowired
    MockMvc mvc;

    private org.springframework.mock.web.MockHttpSession session;

    private String page(String path) throws Exception {
        if (session == null) {
            session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                                    .param("username", "city").param("password", "lantian2023").with(csrf()))
                    .andReturn().getRequest().getSession();
        }
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void pagesSayTheDemoIsLoadingWhileItLoadsAndNotAfter() throws Exception {
        String[] during = new String[2];
        loading.during(() -> {
            try {
                during[0] = page("/");
                during[1] = page("/stations");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(during[0]).contains("id=\"demo-loading\"", "演示数据正在加载");
        assertThat(during[1]).contains("演示数据正在加载");
        assertThat(page("/")).doesNotContain("演示数据正在加载");
    }
}
