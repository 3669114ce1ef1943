package org.lantian.platform.files;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file the platform hands over: its type, and its Chinese name in the Content-Disposition header (RFC 5987),
 * shown in the browser (PDF, images) or saved (workbooks, Word documents).
 */
public final class Downloads {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private Downloads() {
    }

    /** A file to save, e.g. "县区排名.xlsx". */
    public static ResponseEntity<byte[]> attachment(String fileName, MediaType type, byte[] bytes) {
        return file(ContentDisposition.attachment(), fileName, type, bytes);
    }

    /** A file to show in the browser, e.g. a PDF or a photo. */
    public static ResponseEntity<byte[]> inline(String fileName, MediaType type, byte[] bytes) {
        return file(ContentDisposition.inline(), fileName, type, bytes);
    }

    public static ResponseEntity<byte[]> workbook(String fileName, byte[] bytes) {
        return attachment(fileName, XLSX, bytes);
    }

    private static ResponseEntity<byte[]> file(ContentDisposition.Builder disposition, String fileName, MediaType type, byte[] bytes) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(type).body(bytes);
    }
}
