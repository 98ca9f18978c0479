package io.isolab.agent.web;

import org.springframework.http.HttpStatus;

/** An error the API reports as {@code {"error": code, "message": message}} with this status. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "No sandbox " + id + " on this agent.");
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-request", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
