package org.lantian.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lantian.standards.CreditCode;

/**
 * Load generator for the enterprise register import: writes the office's workbook of N enterprises (1 % of
 * rows wrong in one cell each: check character, county, coordinate) with new credit codes, uploads it row by
 * row to a running Lantian, and prints the time the request took and what the report says.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantian.bench.EnterpriseWorkbookLoad URL TOKEN [ROWS] [RUN]
 * </pre>
 * TOKEN must belong to a city-office user. RUN (1–999) makes the codes of each run new to the database.
 */
public final class EnterpriseWorkbookLoad {

    private static final String[] COUNTIES = {"武安市", "永年区", "峰峰矿区", "涉县", "磁县", "成安县", "肥乡区", "临漳县", "大名县", "魏县"};
    private static final String[] HEADER = {"统一社会信用代码", "企业名称", "县（市、区）", "乡镇（街道）", "地址", "经度", "纬度", "坐标系",
            "行业代码", "行业名称", "绩效分级行业", "产业集群", "状态", "绩效分级方案", "绩效等级", "减排清单", "VOCs 重点企业"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 3906;
        int run = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        byte[] book = workbook(rows, run);
        System.out.printf("workbook of %,d enterprises (%,d wrong rows): %,d bytes%n", rows, rows / 100, book.length);

        String boundary = "lantian-" + System.nanoTime();
        byte[] body = multipart(boundary, book);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/enterprises/workbook?mode=ROW_BY_ROW"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        String report = response.body();
        System.out.printf("HTTP %d in %,d ms: %s%n", response.statusCode(), millis,
                report.replaceAll("\"errors\":\\[.*]", "\"errors\":[…]"));
        System.out.printf("errors named: %d%n", report.split("\"line\"").length - 1);
    }

    static byte[] workbook(int rows, int run) throws Exception {
        Random random = new Random(run);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("涉气企业清单");
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                head.createCell(i).setCellValue(HEADER[i]);
            }
            for (int n = 0; n < rows; n++) {
                String first17 = "91130400BK" + String.format("%03d%04d", run, n);
                String code = first17 + CreditCode.checkCharacter(first17);
                String county = COUNTIES[random.nextInt(COUNTIES.length)];
                String[] cells = {code, "负载测试企业" + run + "-" + n + "有限公司", county, "", "测试地址 " + n, "", "", "",
                        "3110", "炼铁", "钢铁", "", "在产", "GUIDE2020", random.nextBoolean() ? "C" : "D", "是", n % 5 == 0 ? "是" : ""};
                if (n % 100 == 37) {   // 1 %: one wrong cell each, of three kinds
                    switch (n / 100 % 3) {
                        case 0 -> cells[0] = first17 + (code.endsWith("0") ? "1" : "0");
                        case 1 -> cells[2] = "纽约";
                        default -> { cells[2] = ""; cells[5] = "114,5"; cells[6] = "36.6"; }
                    }
                }
                Row row = sheet.createRow(n + 1);
                for (int i = 0; i < cells.length; i++) {
                    if (!cells[i].isEmpty()) {
                        row.createCell(i).setCellValue(cells[i]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] multipart(String boundary, byte[] file) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
