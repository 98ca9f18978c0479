package io.isolab.checks;

/** The live state could not be read; the message is the learner-facing reason of a failed condition. */
public class CheckException extends RuntimeException {

    public CheckException(String message) {
        super(message);
    }
}
