package org.lantian.platform.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;

/** The warning notice as a PDF, read back and drawn by PDFBox. */
@PlatformTest
class WarningNoticeTests extends ApiTest {

    @Test
    void theNoticeOfAWarningIsAPdfWithTheDecisionTheCountiesAndTheSteps() throws Exception {
        long past = jdbc.sql("SELECT id FROM emergency_warning WHERE reason LIKE '演示：%' ORDER BY id LIMIT 1").query(Long.class).single();
        var response = as("wuan").download("/api/emergency/warnings/" + past + "/notice.pdf");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("关于启动重污染天气橙色预警的通知", "各县（市、区）人民政府，市直有关部门：", "经会商研判，决定启动重污染天气橙色预警（Ⅱ级响应）",
                    "演示：市大气办会商", "一、应急减排预期", "武安市", "二、预警经过", "邯郸市大气污染防治工作领导小组办公室", "—1—");
            assertThat(text).as("a county sees its own row of the reductions only").doesNotContain("邯山区");
            assertThat(text).as("a warning recorded afterwards has no proposal to quote").doesNotContain("补录的历史预警");
        }
        try (PDDocument city = Loader.loadPDF(as("city").download("/api/emergency/warnings/" + past + "/notice.pdf").getBody())) {
            assertThat(new PDFTextStripper().getText(city).replaceAll("\\s+", "")).contains("邯山区", "邯郸市3906");
            Path shots = Path.of("target/screenshots");
            Files.createDirectories(shots);
            for (int page = 0; page < city.getNumberOfPages(); page++) {
                javax.imageio.ImageIO.write(new PDFRenderer(city).renderImageWithDPI(page, 80), "png",
                        shots.resolve("warning-notice-" + (page + 1) + ".png").toFile());
            }
        }
        assertThat(as("city").download("/api/emergency/warnings/999999/notice.pdf").getStatusCode().value()).isEqualTo(404);
    }
}
