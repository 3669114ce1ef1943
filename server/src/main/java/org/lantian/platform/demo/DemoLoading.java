package org.lantian.platform.demo;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Whether the demo is being loaded. The web server answers during the first start's half minute of
 * loading; pages say so ({@code demoLoading}) rather than that there is no data.
 */
@Component
@ControllerAdvice(annotations = Controller.class)
class DemoLoading {

    private volatile boolean loading;

    void during(Runnable load) {
        loading = true;
        try {
            load.run();
        } finally {
            loading = false;
        }
    }

    @ModelAttribute("demoLoading")
    boolean loading() {
        return loading;
    }
}
