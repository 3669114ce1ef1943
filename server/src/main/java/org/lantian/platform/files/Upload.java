package org.lantian.platform.files;

/** A file as a client sent it, before it is checked: its name and type as the client says, and its bytes. */
public record Upload(String filename, String contentType, byte[] bytes) {
}
