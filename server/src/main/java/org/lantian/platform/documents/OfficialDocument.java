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

    public OfficialDocument {
        blocks = List.copyOf(blocks);
    }

    /** A part of the body. */
    public sealed interface Block permits Heading, Paragraph, Table, Note {
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

    /** A small note under a table or at the end (sources, definitions). */
    public record Note(String text) implements Block {
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

        public Builder note(String text) {
            blocks.add(new Note(text));
            return this;
        }

        public OfficialDocument signedBy(String signer, LocalDate date) {
            return new OfficialDocument(title, number, addressee, blocks, signer, date);
        }
    }
}
