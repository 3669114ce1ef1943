package org.lantian.platform.monitoring;

/** Something that does not exist or lies outside the actor's scope (the two are not told apart). HTTP 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what + " not found");
    }
}
