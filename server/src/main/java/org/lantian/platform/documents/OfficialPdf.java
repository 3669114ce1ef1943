package org.lantian.platform.documents;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * An official document as PDF in the layout of GB/T 9704: A4 with its margins (top 37 mm, bottom 35 mm,
 * left 28 mm, right 26 mm), the title at 22 pt (二号) centred, the body at 16 pt (三号) on a 29 pt line (22 lines
 * to the page) with a two-character indent, tables at 10.5 pt (五号), and "— n —" page numbers.
 */
@Component
public class OfficialPdf {

    private static final float MM = 72f / 25.4f;
    private static final float BODY = 16;
    private static final float LINE = 29;
    private static final float TABLE = 10.5f;

    private final CjkFonts fonts;

    OfficialPdf(CjkFonts fonts) {
        this.fonts = fonts;
    }

    public byte[] render(OfficialDocument doc) {
        CjkFonts.Faces f = fonts.faces();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 28 * MM, 26 * MM, 37 * MM, 35 * MM);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        writer.setPageEvent(new PageNumbers(f.body()));
        pdf.addTitle(doc.title());
        pdf.addCreator("蓝天 Lantian");
        pdf.open();
        Paragraph title = text(36, doc.title(), new Font(f.title(), 22));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(doc.number() == null ? LINE : 6);
        pdf.add(title);
        if (doc.number() != null) {
            Paragraph number = text(LINE, doc.number(), new Font(f.body(), BODY));
            number.setAlignment(Element.ALIGN_CENTER);
            number.setSpacingAfter(LINE / 2);
            pdf.add(number);
        }
        if (doc.addressee() != null) {
            pdf.add(text(LINE, doc.addressee(), new Font(f.body(), BODY)));
        }
        for (OfficialDocument.Block block : doc.blocks()) {
            if (block instanceof OfficialDocument.Heading h) {
                if (writer.getVerticalPosition(true) - pdf.bottom() < 5 * LINE) {
                    pdf.newPage();   // a heading never ends a page
                }
                pdf.add(indented(h.text(), new Font(f.heading(), BODY)));
            } else if (block instanceof OfficialDocument.Paragraph p) {
                pdf.add(indented(p.text(), new Font(f.body(), BODY)));
            } else if (block instanceof OfficialDocument.Table t) {
                addTable(pdf, t, f);
            } else if (block instanceof OfficialDocument.Figure fig) {
                addFigure(pdf, fig, f);
            } else if (block instanceof OfficialDocument.Note n) {
                Paragraph note = text(20, n.text(), new Font(f.body(), 12));
                note.setSpacingAfter(6);
                pdf.add(note);
            }
        }
        Paragraph signer = text(LINE, doc.signer(), new Font(f.body(), BODY));
        signer.setAlignment(Element.ALIGN_RIGHT);
        signer.setIndentationRight(2 * BODY);
        signer.setSpacingBefore(2 * LINE);
        pdf.add(signer);
        Paragraph date = text(LINE, doc.dateText(), new Font(f.body(), BODY));
        date.setAlignment(Element.ALIGN_RIGHT);
        date.setIndentationRight(4 * BODY);
        pdf.add(date);
        pdf.close();
        return out.toByteArray();
    }

    private static void addFigure(Document pdf, OfficialDocument.Figure fig, CjkFonts.Faces f) {
        try {
            com.lowagie.text.Image image = com.lowagie.text.Image.getInstance(fig.png());
            float width = Math.min(fig.widthMillimetres() * MM, pdf.right() - pdf.left());
            image.scaleToFit(width, 10_000);
            image.setAlignment(com.lowagie.text.Image.MIDDLE);
            pdf.add(image);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (fig.caption() != null) {
            Paragraph caption = text(LINE, fig.caption(), new Font(f.heading(), 12));
            caption.setAlignment(Element.ALIGN_CENTER);
            caption.setSpacingAfter(6);
            pdf.add(caption);
        }
    }

    /** A paragraph whose lines break as Chinese text should. */
    private static Paragraph text(float leading, String text, Font font) {
        Paragraph p = new Paragraph(leading);
        p.add(chunk(text, font));
        return p;
    }

    private static Phrase phrase(String text, Font font) {
        return new Phrase(chunk(text, font));
    }

    private static com.lowagie.text.Chunk chunk(String text, Font font) {
        com.lowagie.text.Chunk c = new com.lowagie.text.Chunk(text, font);
        c.setSplitCharacter(ChineseLineBreaks.INSTANCE);
        return c;
    }

    private static Paragraph indented(String text, Font font) {
        Paragraph p = text(LINE, text, font);
        p.setFirstLineIndent(2 * BODY);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        return p;
    }

    private static void addTable(Document pdf, OfficialDocument.Table t, CjkFonts.Faces f) {
        if (t.caption() != null) {
            Paragraph caption = text(LINE, t.caption(), new Font(f.heading(), 12));
            caption.setAlignment(Element.ALIGN_CENTER);
            caption.setSpacingBefore(6);
            pdf.add(caption);
        }
        PdfPTable table = new PdfPTable(widths(t, f.body()));
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        Font head = new Font(f.heading(), TABLE);
        Font cell = new Font(f.body(), TABLE);
        for (String h : t.header()) {
            PdfPCell c = new PdfPCell(phrase(h, head));
            c.setBackgroundColor(new Color(0xEE, 0xF1, 0xF5));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setVerticalAlignment(Element.ALIGN_MIDDLE);
            c.setPadding(4);
            table.addCell(c);
        }
        for (List<String> row : t.rows()) {
            for (int i = 0; i < t.header().size(); i++) {
                PdfPCell c = new PdfPCell(phrase(i < row.size() && row.get(i) != null ? row.get(i) : "", cell));
                c.setHorizontalAlignment(t.numeric().contains(i) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                c.setPadding(4);
                table.addCell(c);
            }
        }
        pdf.add(table);
    }

    /**
     * Column widths in points: each column as wide as its longest cell (a longer text than 14 characters wraps),
     * its header allowed two lines; the table then scales them to the page.
     */
    private static float[] widths(OfficialDocument.Table t, BaseFont font) {
        float[] w = new float[t.header().size()];
        for (int i = 0; i < w.length; i++) {
            float widest = font.getWidthPoint(t.header().get(i), TABLE) / 2;
            for (List<String> row : t.rows()) {
                if (i < row.size() && row.get(i) != null) {
                    widest = Math.max(widest, Math.min(font.getWidthPoint(row.get(i), TABLE), 14 * TABLE));
                }
            }
            w[i] = widest + 14;
        }
        return w;
    }

    /** "— 1 —" centred under each page. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final BaseFont font;

        PageNumbers(BaseFont font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase("— " + writer.getPageNumber() + " —", new Font(font, 14)),
                    (document.left() + document.right()) / 2, document.bottom() - 14 * MM, 0);
        }
    }
}
