package io.isolab.agent.probe;

import org.springframework.http.HttpStatus;

/** A probe request that cannot be answered, with the API error code and a sentence for a human. */
public class ProbeException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ProbeException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ProbeException notFound(String message) {
        return new ProbeException(HttpStatus.NOT_FOUND, "not-found", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
