package io.isolab.sandbox;

/**
 * The agent refused or could not be reached. {@code code} is the agent's error code
 * ("capacity", "image-missing", "not-found", ...) or "unavailable" when it did not answer;
 * the message is meant for a human.
 */
public class AgentException extends RuntimeException {
    private final String code;
    private final int status;

    public AgentException(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
        this.code = "unavailable";
        this.status = 503;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }
}
