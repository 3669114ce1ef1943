package org.lantian.platform.documents;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line of Chinese may break (the 禁则 of GB/T 15834 usage): between any two characters, except that
 * closing punctuation never starts a line and opening punctuation never ends one. OpenPDF breaks CJK text
 * anywhere, which leaves "；" or "）" at the head of a line.
 */
final class ChineseLineBreaks implements SplitCharacter {

    static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

    private static final String NEVER_FIRST = "，。、；：？！）》」』】〕”’%‰·…—～,.;:?!)]}";
    private static final String NEVER_LAST = "（《「『【〔“‘([{";

    private ChineseLineBreaks() {
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char here = cc[current];
        char next = current + 1 < end ? cc[current + 1] : ' ';
        if (NEVER_LAST.indexOf(here) >= 0 || NEVER_FIRST.indexOf(next) >= 0) {
            return false;
        }
        if (here >= 0x2E80 || next >= 0x2E80) {
            return true;
        }
        return DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, cc, ck);
    }
}
