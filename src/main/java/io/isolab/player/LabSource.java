package io.isolab.player;

import io.isolab.catalog.Topic;
import io.isolab.catalog.Lab;
import java.util.List;
import java.util.Optional;

/**
 * What the player needs from the catalog: the labs and the mind map. A thin seam so the player
 * does not depend on how labs are loaded; the application wires it to the catalog.
 */
public interface LabSource {

    List<Lab> labs();

    Optional<Lab> lab(String id);

    /** Topics of labs/mindmap.yaml in curriculum order. */
    List<Topic> topics();
}
