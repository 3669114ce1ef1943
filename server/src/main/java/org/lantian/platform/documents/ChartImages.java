package org.lantian.platform.documents;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * Charts for documents, drawn on the server (JFreeChart) the way the pages draw theirs: a title that names the
 * period, the unit on the value axis, the platform's blue, and the Chinese face of the documents.
 */
@Component
public class ChartImages {

    private static final Color BLUE = new Color(0x1f, 0x5f, 0xa8);
    private static final Color MARKED = new Color(0xc0, 0x39, 0x2b);
    private static final List<String> FAMILIES = List.of("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei");

    private final String family;

    ChartImages() {
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        family = FAMILIES.stream().filter(installed::contains).findFirst().orElse(Font.SANS_SERIF);
    }

    /**
     * A horizontal bar per category, in the order given, its value printed at its end; the {@code marked} ones in
     * red (the bottom of a ranking).
     *
     * @param valueAxis the value axis's label with its unit, e.g. "综合指数（无量纲）"
     */
    public byte[] bars(String title, String valueAxis, Map<String, BigDecimal> values, Set<String> marked, String numberPattern) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((name, v) -> {
            if (v != null) {
                data.addValue(v, "value", name);
            }
        });
        JFreeChart chart = new JFreeChart(title, new Font(family, Font.BOLD, 28), plot(data, valueAxis, marked, numberPattern), false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, 1600, Math.max(500, 120 + 44 * data.getColumnCount()));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CategoryPlot plot(DefaultCategoryDataset data, String valueAxis, Set<String> marked, String numberPattern) {
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(new Font(family, Font.PLAIN, 26));
        NumberAxis values = new NumberAxis(valueAxis);
        values.setLabelFont(new Font(family, Font.PLAIN, 26));
        values.setTickLabelFont(new Font(family, Font.PLAIN, 22));
        values.setUpperMargin(0.1);   // room for the value printed after the longest bar
        BarRenderer bars = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return marked.contains((String) data.getColumnKey(column)) ? MARKED : BLUE;
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.08);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat(numberPattern)));
        bars.setDefaultItemLabelFont(new Font(family, Font.PLAIN, 24));
        bars.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3,
                org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        bars.setDefaultItemLabelsVisible(true);
        CategoryPlot plot = new CategoryPlot(data, categories, values, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xd9, 0xe0, 0xe8));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        return plot;
    }
}
