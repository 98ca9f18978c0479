package io.isolab.player;

/** A lab or step the catalog does not have; shown as a 404 page (or JSON for API calls). */
public class LabNotFoundException extends RuntimeException {

    public LabNotFoundException(String message) {
        super(message);
    }
}
