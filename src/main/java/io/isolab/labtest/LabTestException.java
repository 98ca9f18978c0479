package io.isolab.labtest;

/** A lab test could not go on; the message names what broke, for the author to read. */
public class LabTestException extends Exception {
    public LabTestException(String message) {
        super(message);
    }
}
