package io.isolab.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The labs, as the pages see them. Authors edit files under {@code isolab.labs.dir} while the app
 * runs: at most once a second an access compares a fingerprint of the tree and re-reads the
 * catalog when it changed, so the next page load shows the edit without a restart.
 */
@Component
public class Catalog {

    private static final Logger log = LoggerFactory.getLogger(Catalog.class);

    private final Path dir;
    private final long checkEveryNanos;
    private final CatalogLoader loader;
    private volatile CatalogSnapshot snapshot;
    private volatile String fingerprint;
    private volatile long checkedAt;

    @Autowired
    public Catalog(@Value("${isolab.labs.dir:labs}") String dir, ConditionValidator conditions) {
        this(Path.of(dir), Duration.ofSeconds(1), conditions);
    }

    public Catalog(Path dir, Duration checkEvery) {
        this(dir, checkEvery, ConditionValidator.NONE);
    }

    public Catalog(Path dir, Duration checkEvery, ConditionValidator conditions) {
        this.dir = dir;
        this.loader = new CatalogLoader(conditions);
        this.checkEveryNanos = checkEvery.toNanos();
        reload(Fingerprint.of(dir));
    }

    public List<Lab> labs() {
        return current().labs();
    }

    public Optional<Lab> lab(String id) {
        return current().labs().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public List<LabProblem> problems() {
        return current().problems();
    }

    public MindMap mindMap() {
        return current().mindMap();
    }

    public Path dir() {
        return dir;
    }

    /** All three views of one consistent read, for pages that show labs and problems together. */
    public CatalogSnapshot snapshot() {
        return current();
    }

    private CatalogSnapshot current() {
        long now = System.nanoTime();
        if (now - checkedAt >= checkEveryNanos) {
            synchronized (this) {
                if (now - checkedAt >= checkEveryNanos) {
                    String fp = Fingerprint.of(dir);
                    if (!fp.equals(fingerprint)) {
                        reload(fp);
                    }
                    checkedAt = System.nanoTime();
                }
            }
        }
        return snapshot;
    }

    private synchronized void reload(String fp) {
        CatalogSnapshot next = loader.load(dir);
        boolean first = snapshot == null;
        snapshot = next;
        fingerprint = fp;
        checkedAt = System.nanoTime();
        log.info("{} {} labs from {} ({} problems)", first ? "Loaded" : "Reloaded", next.labs().size(),
                dir.toAbsolutePath(), next.problems().size());
        next.problems().forEach(p -> log.warn("lab problem: {}", p));
    }
}
