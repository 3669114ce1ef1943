package org.lantian.platform.files;

import java.io.IOException;
import java.util.Optional;

import org.springframework.web.multipart.MultipartFile;

/**
 * What a photo or document really is, from its first bytes, never from what the client says it is (an HTML
 * or SVG page sent "as PNG" would otherwise be served back as one); and its size checked before it is read.
 */
public final class EvidenceFiles {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int MAX_NAME = 200;

    private EvidenceFiles() {
    }

    /** The type the bytes are: JPEG, PNG, WebP or PDF; empty for anything else. */
    public static Optional<String> typeOf(byte[] bytes) {
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B'
                && bytes[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (starts(bytes, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    /** A file name fit to store and show: no control characters or path, at most {@link #MAX_NAME} characters. */
    public static String cleanName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[\\p{Cntrl}]", "").replaceAll(".*[/\\\\]", "").strip();
        if (cleaned.isEmpty()) {
            return "附件";
        }
        return cleaned.length() > MAX_NAME ? cleaned.substring(cleaned.length() - MAX_NAME) : cleaned;
    }

    /** An uploaded part as evidence: its declared size checked before a byte is read into memory. */
    public static Upload read(MultipartFile file) throws IOException {
        if (file.getSize() > MAX_BYTES) {
            throw new IllegalArgumentException("文件“" + cleanName(file.getOriginalFilename()) + "”超过 10 MB");
        }
        return new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    /** The non-empty parts of a form as uploads, each one's declared size checked before it is read. */
    public static java.util.List<Upload> readAll(java.util.List<MultipartFile> files) throws IOException {
        java.util.List<Upload> uploads = new java.util.ArrayList<>();
        for (MultipartFile f : files == null ? java.util.List.<MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                uploads.add(read(f));
            }
        }
        return uploads;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
