package org.lantian.platform.enterprises;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lantian.platform.workbooks.OfficeWorkbook;


/**
 * The register as the office's workbook (Apache POI): one row per enterprise under Chinese headers
 * (docs/enterprises.md), the same layout out and in, so an exported workbook imports back unchanged.
 */
final class RegisterWorkbook {

    static final String CODE = "统一社会信用代码";
    static final String NAME = "企业名称";
    static final String COUNTY = "县（市、区）";
    static final String TOWNSHIP = "乡镇（街道）";
    static final String ADDRESS = "地址";
    static final String LON = "经度";
    static final String LAT = "纬度";
    static final String DATUM = "坐标系";
    static final String INDUSTRY_CODE = "行业代码";
    static final String INDUSTRY_NAME = "行业名称";
    static final String GRADING_INDUSTRY = "绩效分级行业";
    static final String CLUSTER = "产业集群";
    static final String STATUS = "状态";
    static final String SCHEME = "绩效分级方案";
    static final String GRADE = "绩效等级";
    static final String GRADED_ON = "分级生效日期";

    /** The columns in the office's order; the flags follow, one column each ("是" when on the list). */
    static final List<String> COLUMNS = List.of(CODE, NAME, COUNTY, TOWNSHIP, ADDRESS, LON, LAT, DATUM, INDUSTRY_CODE, INDUSTRY_NAME,
            GRADING_INDUSTRY, CLUSTER, STATUS, SCHEME, GRADE, GRADED_ON);

    /** The most rows one workbook may hold (a whole city's register is about 4 000). */
    static final int MAX_ROWS = 20_000;

    private RegisterWorkbook() {
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(COLUMNS);
        for (EnterpriseFlag flag : EnterpriseFlag.values()) {
            header.add(flag.label());
        }
        return header;
    }

    static OfficeWorkbook.Parsed read(InputStream in) throws IOException {
        return OfficeWorkbook.read(in, List.of(CODE, NAME), MAX_ROWS);
    }

    static byte[] write(List<Enterprise> enterprises, Map<String, String> countyNames) {
        OfficeWorkbook.Writer book = OfficeWorkbook.writer("涉气企业清单").header(header());
        for (Enterprise e : enterprises) {
            List<String> values = new ArrayList<>(java.util.Arrays.asList(e.creditCode(), e.name(), countyNames.getOrDefault(e.countyCode(), e.countyCode()),
                    e.township(), e.address(), e.enteredLon() == null ? null : e.enteredLon().toPlainString(),
                    e.enteredLat() == null ? null : e.enteredLat().toPlainString(), e.enteredDatum(), e.industryCode(), e.industryName(),
                    e.gradingIndustry(), e.cluster(), e.status().label(), e.gradeScheme(), e.grade(), null));
            for (EnterpriseFlag flag : EnterpriseFlag.values()) {
                values.add(e.flags().contains(flag) ? "是" : null);
            }
            book.row(values);
        }
        return book.widths(20, 30, 14, 14, 30, 14, 14, 10, 10, 20, 14, 14, 8, 14, 10, 14).bytes();
    }
}
