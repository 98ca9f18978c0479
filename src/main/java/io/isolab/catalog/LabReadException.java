package io.isolab.catalog;

/** A problem that stops reading one lab file; the reader turns it into a {@link LabProblem}. */
class LabReadException extends RuntimeException {

    private final String location;

    LabReadException(String location, String message) {
        super(message);
        this.location = location;
    }

    LabProblem problem() {
        return new LabProblem(location, getMessage());
    }
}
