package io.isolab.workshops;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An unknown workshop id, join code or participant: 404 with a readable message. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class WorkshopNotFoundException extends RuntimeException {
    public WorkshopNotFoundException(String message) {
        super(message);
    }
}
