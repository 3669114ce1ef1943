package org.lantian.platform.monitoring;

/** Input that cannot be read at all (as opposed to single bad rows). Answered with HTTP 400. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class BadInput extends RuntimeException {
    public BadInput(String message) {
        super(message);
    }
}
