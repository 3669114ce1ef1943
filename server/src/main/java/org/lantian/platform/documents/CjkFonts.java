package org.lantian.platform.documents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server's Chinese fonts for documents, found once: a serif for the body (as 仿宋 would be), its bold for
 * titles (as 小标宋), a sans bold for headings (as 黑体). Noto CJK is looked for where Debian, Fedora and
 * Arch put it, or in the directory {@code lantian.documents.font-dir} names; each face is a TTC entry (",2" is
 * Simplified Chinese in Noto's collections).
 */
@Component
class CjkFonts {

    record Faces(BaseFont body, BaseFont title, BaseFont heading) {
    }

    private static final List<String> DIRECTORIES = List.of("/usr/share/fonts/opentype/noto", "/usr/share/fonts/google-noto-cjk",
            "/usr/share/fonts/noto-cjk", "/usr/share/fonts/OTF", "/usr/share/fonts/noto");

    private final List<String> directories;
    private volatile Faces faces;

    CjkFonts(@Value("${lantian.documents.font-dir:}") String fontDir) {
        this.directories = fontDir.isBlank() ? DIRECTORIES : java.util.stream.Stream.concat(java.util.stream.Stream.of(fontDir),
                DIRECTORIES.stream()).toList();
    }

    Faces faces() {
        Faces f = faces;
        if (f == null) {
            synchronized (this) {
                if (faces == null) {
                    BaseFont body = load("NotoSerifCJK-Regular.ttc", "NotoSansCJK-Regular.ttc");
                    faces = new Faces(body, loadOr(body, "NotoSerifCJK-Bold.ttc", "NotoSansCJK-Bold.ttc"),
                            loadOr(body, "NotoSansCJK-Bold.ttc", "NotoSansCJK-Regular.ttc"));
                }
                f = faces;
            }
        }
        return f;
    }

    private BaseFont loadOr(BaseFont fallback, String... names) {
        try {
            return load(names);
        } catch (IllegalStateException missing) {
            return fallback;
        }
    }

    private BaseFont load(String... names) {
        for (String name : names) {
            for (String dir : directories) {
                Path file = Path.of(dir, name);
                if (Files.isReadable(file)) {
                    try {
                        return BaseFont.createFont(file + ",2", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                    } catch (Exception unreadable) {
                        throw new IllegalStateException("中文字体 " + file + " 无法读取：" + unreadable.getMessage(), unreadable);
                    }
                }
            }
        }
        throw new IllegalStateException("服务器没有中文字体，无法生成 PDF：请安装 Noto CJK（Debian：apt-get install fonts-noto-cjk），"
                + "或用 lantian.documents.font-dir 指定其所在目录");
    }
}
