package org.lantian.platform.airquality;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.springframework.web.multipart.MultipartFile;

/** Uploaded files as the readers the imports take: UTF-8 text, as every format here is. */
final class Uploads {

    private Uploads() {
    }

    static Reader reader(MultipartFile file) throws IOException {
        return new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
    }
}
