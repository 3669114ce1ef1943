package org.lantian.platform.identity;

/** A request that the actor's role or county scope does not allow. Answered with HTTP 403. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.FORBIDDEN)
public class AccessDenied extends RuntimeException {
    public AccessDenied(String message) {
        super(message);
    }
}
