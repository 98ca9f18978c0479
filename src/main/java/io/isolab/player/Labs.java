package io.isolab.player;

import io.isolab.catalog.Lab;
import io.isolab.catalog.Step;
import org.springframework.stereotype.Component;

/** Looks up labs and steps, turning "not there" into {@link LabNotFoundException}. */
@Component
public class Labs {
    private final LabSource source;

    public Labs(LabSource source) {
        this.source = source;
    }

    public Lab lab(String id) {
        return source.lab(id).orElseThrow(() -> new LabNotFoundException("There is no lab called \"" + id + "\"."));
    }

    public Step step(Lab lab, int number) {
        return lab.step(number).orElseThrow(() -> new LabNotFoundException(
                "The lab \"" + lab.title() + "\" has no step " + number + "."));
    }
}
