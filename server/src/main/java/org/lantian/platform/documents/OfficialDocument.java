package org.lantian.platform.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A document in the layout of an official notice: its title, its number line, the addressee, the body (headings,
 * paragraphs, tables, notes) and the issuing office with the date.
 */
public record OfficialDocument(String title, String number, String addressee, List<Block> blocks, String signer, LocalDate date) {

    /** The office that issues the platform's documents. */
    public static final String CITY_AIR_OFFICE = "邯郸市大气污染防治工作领导小组办公室";

    public OfficialDocument {
        blocks = List.copyOf(blocks);
    }

    /** A part of the body; kept as JSON with its kind (an issued document is stored as it was). */
    @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.SIMPLE_NAME, property = "block")
    @com.fasterxml.jackson.annotation.JsonSubTypes({@com.fasterxml.jackson.annotation.JsonSubTypes.Type(Heading.class),
            @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Paragraph.class), @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Table.class),
            @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Note.class), @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Figure.class)})
    public sealed interface Block permits Heading, Paragraph, Table, Note, Figure {

        /** heading, paragraph, table or note: what a page shows it as. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        default String kind() {
            return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A first-level heading ("一、…"), set in the heading face. */
    public record Heading(String text) implements Block {
    }

    /** A body paragraph, its first line indented by two characters. */
    public record Paragraph(String text) implements Block {
    }

    /** A table with its caption; the columns in {@code numeric} (0-based) are aligned right. */
    public record Table(String caption, List<String> header, List<List<String>> rows, Set<Integer> numeric) implements Block {

        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            numeric = Set.copyOf(numeric);
        }
    }

    /** A chart (PNG) with its caption, printed {@code widthMillimetres} wide. */
    public record Figure(String caption, byte[] png, int widthMillimetres) implements Block {

        /** The image as a page embeds it. */
        public String dataUri() {
            return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
        }
    }

    /** A small note under a table or at the end (sources, definitions). */
    public record Note(String text) implements Block {
    }

    /** 2026年12月2日: how an official document dates itself. */
    public String dateText() {
        return chineseDate(date);
    }

    /** A day as an official document writes it: 2026年12月2日. */
    public static String chineseDate(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    public static Builder titled(String title) {
        return new Builder(title);
    }

    /** Builds a document block by block. */
    public static final class Builder {
        private final String title;
        private String number;
        private String addressee;
        private final List<Block> blocks = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder number(String number) {
            this.number = number;
            return this;
        }

        public Builder to(String addressee) {
            this.addressee = addressee;
            return this;
        }

        public Builder heading(String text) {
            blocks.add(new Heading(text));
            return this;
        }

        public Builder paragraph(String text) {
            blocks.add(new Paragraph(text));
            return this;
        }

        public Builder table(String caption, List<String> header, List<List<String>> rows, Set<Integer> numeric) {
            blocks.add(new Table(caption, header, rows, numeric));
            return this;
        }

        public Builder figure(String caption, byte[] png, int widthMillimetres) {
            blocks.add(new Figure(caption, png, widthMillimetres));
            return this;
        }

        public Builder note(String text) {
            blocks.add(new Note(text));
            return this;
        }

        /** The blocks so far. */
        public List<Block> blocks() {
            return List.copyOf(blocks);
        }

        public OfficialDocument signedBy(String signer, LocalDate date) {
            return new OfficialDocument(title, number, addressee, blocks, signer, date);
        }
    }
}
