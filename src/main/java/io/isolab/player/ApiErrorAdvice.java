package io.isolab.player;

import io.isolab.sandbox.AgentException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * JSON errors for the API endpoints: {"error": code, "message": sentence}. The agent's own
 * messages are meant for humans and pass through; anything unexpected is logged, never shown.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorAdvice {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(AgentException.class)
    public ResponseEntity<Map<String, String>> agent(AgentException e) {
        // 409 is ours ("start the sandbox first"); every other agent trouble reads as "unavailable".
        HttpStatus status = e.status() == 409 ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE;
        return body(status, e.code(), e.getMessage());
    }

    @ExceptionHandler(LabNotFoundException.class)
    public ResponseEntity<Map<String, String>> notFound(LabNotFoundException e) {
        return body(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    public ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return body(HttpStatus.BAD_REQUEST, "bad-request", "The request was not understood.");
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, String>> unexpected(Exception e) {
        log.error("Unexpected error in an API call", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side. Please try again.");
    }

    private static ResponseEntity<Map<String, String>> body(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
