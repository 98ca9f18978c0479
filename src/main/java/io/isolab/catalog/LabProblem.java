package io.isolab.catalog;

/**
 * Something wrong in a lab's files, for authors.
 *
 * @param location "labs/<id>/<file>:<line>" (or "labs/<id>" when no file is to blame)
 * @param message  what is wrong, in words an author can act on
 */
public record LabProblem(String location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
