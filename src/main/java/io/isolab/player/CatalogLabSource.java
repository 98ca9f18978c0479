package io.isolab.player;

import io.isolab.catalog.Catalog;
import io.isolab.catalog.Lab;
import io.isolab.catalog.Topic;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The player's labs come from the catalog under {@code isolab.labs.dir}, re-read when files change. */
@Component
class CatalogLabSource implements LabSource {
    private final Catalog catalog;

    CatalogLabSource(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Lab> labs() {
        return catalog.labs();
    }

    @Override
    public Optional<Lab> lab(String id) {
        return catalog.lab(id);
    }

    @Override
    public List<Topic> topics() {
        return catalog.mindMap().topics();
    }
}
