package org.lantian.platform.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.stereotype.Component;

/**
 * An official document as Word (DOCX), the form offices edit and forward: the GB/T 9704 page (A4; margins
 * 37/35/28/26 mm), the title in 方正小标宋简体 at 22 pt, headings in 黑体, the body in 仿宋_GB2312 at 16 pt on a
 * fixed 29 pt line with a two-character indent, tables in 仿宋 at 10.5 pt, and "— n —" page numbers. The fonts
 * are named, not embedded: the office's Word has them.
 */
@Component
public class OfficialDocx {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";
    private static final int LINE_TWIPS = 29 * 20;

    public byte[] render(OfficialDocument doc) {
        try (XWPFDocument w = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(w);
            XWPFParagraph title = w.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(doc.number() == null ? LINE_TWIPS : 120);
            run(title, doc.title(), TITLE_FONT, 22, false);
            if (doc.number() != null) {
                XWPFParagraph number = w.createParagraph();
                number.setAlignment(ParagraphAlignment.CENTER);
                number.setSpacingAfter(LINE_TWIPS / 2);
                run(number, doc.number(), BODY_FONT, 16, false);
            }
            if (doc.addressee() != null) {
                run(line(w), doc.addressee(), BODY_FONT, 16, false);
            }
            for (OfficialDocument.Block block : doc.blocks()) {
                if (block instanceof OfficialDocument.Heading h) {
                    run(indented(w), h.text(), HEADING_FONT, 16, false);
                } else if (block instanceof OfficialDocument.Paragraph p) {
                    run(indented(w), p.text(), BODY_FONT, 16, false);
                } else if (block instanceof OfficialDocument.Table t) {
                    table(w, t);
                } else if (block instanceof OfficialDocument.Figure fig) {
                    figure(w, fig);
                } else if (block instanceof OfficialDocument.Note n) {
                    run(w.createParagraph(), n.text(), BODY_FONT, 12, false);
                }
            }
            XWPFParagraph signer = line(w);
            signer.setAlignment(ParagraphAlignment.RIGHT);
            signer.setSpacingBefore(2 * LINE_TWIPS);
            signer.setIndentationRight(2 * 320);
            run(signer, doc.signer(), BODY_FONT, 16, false);
            XWPFParagraph date = line(w);
            date.setAlignment(ParagraphAlignment.RIGHT);
            date.setIndentationRight(4 * 320);
            run(date, doc.dateText(), BODY_FONT, 16, false);
            pageNumbers(w);
            w.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument w) {
        CTSectPr section = w.getDocument().getBody().isSetSectPr() ? w.getDocument().getBody().getSectPr() : w.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(mm(37)));
        margins.setBottom(BigInteger.valueOf(mm(35)));
        margins.setLeft(BigInteger.valueOf(mm(28)));
        margins.setRight(BigInteger.valueOf(mm(26)));
    }

    private static long mm(int millimetres) {
        return Math.round(millimetres * 1440 / 25.4);
    }

    private static XWPFParagraph line(XWPFDocument w) {
        XWPFParagraph p = w.createParagraph();
        p.setSpacingBetween(LINE_TWIPS, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
        return p;
    }

    private static XWPFParagraph indented(XWPFDocument w) {
        XWPFParagraph p = line(w);
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(2 * 320);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        String[] lines = text.split("\n", -1);
        XWPFRun r = p.createRun();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            r.setText(lines[i], i);
        }
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }

    private static void table(XWPFDocument w, OfficialDocument.Table t) {
        if (t.caption() != null) {
            XWPFParagraph caption = w.createParagraph();
            caption.setAlignment(ParagraphAlignment.CENTER);
            caption.setSpacingBefore(120);
            run(caption, t.caption(), HEADING_FONT, 12, false);
        }
        XWPFTable table = w.createTable(t.rows().size() + 1, t.header().size());
        table.setWidth("100%");
        fill(table.getRow(0), t.header(), t, true);
        for (int i = 0; i < t.rows().size(); i++) {
            fill(table.getRow(i + 1), t.rows().get(i), t, false);
        }
        table.getRow(0).setRepeatHeader(true);
        w.createParagraph();
    }

    private static void figure(XWPFDocument w, OfficialDocument.Figure fig) {
        XWPFParagraph p = w.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(fig.png()));
            double widthPt = Math.min(fig.widthMillimetres(), 156) * 72 / 25.4;
            double heightPt = widthPt * image.getHeight() / image.getWidth();
            p.createRun().addPicture(new java.io.ByteArrayInputStream(fig.png()), org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG, "figure.png",
                    org.apache.poi.util.Units.toEMU(widthPt), org.apache.poi.util.Units.toEMU(heightPt));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("图表无法写入 Word：" + e.getMessage(), e);
        }
        if (fig.caption() != null) {
            XWPFParagraph caption = w.createParagraph();
            caption.setAlignment(ParagraphAlignment.CENTER);
            run(caption, fig.caption(), HEADING_FONT, 12, false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, OfficialDocument.Table t, boolean header) {
        for (int i = 0; i < t.header().size(); i++) {
            XWPFTableCell cell = row.getCell(i);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setAlignment(header ? ParagraphAlignment.CENTER : t.numeric().contains(i) ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            String text = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            run(p, text, header ? HEADING_FONT : BODY_FONT, 10.5, false);
            if (header) {
                cell.setColor("EEF1F5");
            }
        }
    }

    /** "— PAGE —" centred in the footer, the page number a field Word fills in. */
    private static void pageNumbers(XWPFDocument w) {
        var footer = w.createFooter(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", BODY_FONT, 14, false);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        run(p, " —", BODY_FONT, 14, false);
    }
}
