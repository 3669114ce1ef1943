package org.lantian.platform;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running platform over real HTTP with a bearer token, never throwing on 4xx/5xx. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RestClient client;

    public Api(int port, String token) {
        this.client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public ResponseEntity<String> get(String path) {
        return client.get().uri(path).accept(MediaType.APPLICATION_JSON).retrieve().toEntity(String.class);
    }

    public byte[] getBytes(String path) {
        return client.get().uri(path).retrieve().body(byte[].class);
    }

    /** A document (PDF, XLSX, DOCX) with its status and headers. */
    public ResponseEntity<byte[]> download(String path) {
        return client.get().uri(path).retrieve().toEntity(byte[].class);
    }

    public ResponseEntity<String> post(String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> put(String path, String json) {
        return client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> delete(String path) {
        return client.delete().uri(path).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> upload(String path, String fileName, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);
    }

    /** A multipart form: text fields as they are, files as (name, bytes) pairs under their field. */
    public ResponseEntity<String> form(String path, java.util.Map<String, String> fields, String fileField, java.util.Map<String, byte[]> files) {
        var parts = new LinkedMultiValueMap<String, Object>();
        fields.forEach(parts::add);
        files.forEach((name, bytes) -> parts.add(fileField, new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        return client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);
    }

    public static JsonNode json(ResponseEntity<String> response) {
        return JSON.readTree(response.getBody());
    }
}
