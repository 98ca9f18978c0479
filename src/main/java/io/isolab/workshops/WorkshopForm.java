package io.isolab.workshops;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The instructor's create/edit form as posted; {@link #problems} says in words what is wrong.
 * Start and end are {@code datetime-local} values in the configured zone.
 */
public record WorkshopForm(String title, String starts, String ends, List<String> labs, Integer memoryMiB,
                           Double cpus, Integer pids, Integer diskMiB, Integer prewarm, ZoneId zone) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public WorkshopForm {
        title = title == null ? "" : title.strip();
        labs = labs == null ? List.of() : List.copyOf(labs);
        prewarm = prewarm == null ? 0 : prewarm;
    }

    public WorkshopForm withZone(ZoneId zone) {
        return new WorkshopForm(title, starts, ends, labs, memoryMiB, cpus, pids, diskMiB, prewarm, zone);
    }

    static WorkshopForm of(Workshop w, ZoneId zone) {
        return new WorkshopForm(w.title(), local(w.startsAt(), zone), local(w.endsAt(), zone), w.labIds(),
                w.limits().memoryMiB(), w.limits().cpus(), w.limits().pids(), w.limits().diskMiB(), w.prewarm(), zone);
    }

    static String local(Instant at, ZoneId zone) {
        return LocalDateTime.ofInstant(at, zone).format(LOCAL);
    }

    public Instant startsAt() {
        return parse(starts);
    }

    public Instant endsAt() {
        return parse(ends);
    }

    public List<String> problems(Set<String> knownLabs, WorkshopProperties max) {
        List<String> problems = new ArrayList<>();
        if (title.isEmpty() || title.length() > 200) problems.add("Give the workshop a title (at most 200 characters).");
        if (labs.isEmpty()) problems.add("Choose at least one lab.");
        labs.stream().filter(l -> !knownLabs.contains(l)).forEach(l -> problems.add("There is no lab \"" + l + "\"."));
        Instant start = parse(starts), end = parse(ends);
        if (start == null || end == null) problems.add("Give a start and an end (date and time).");
        else if (!end.isAfter(start)) problems.add("The end must be after the start.");
        range(problems, "Memory (MiB)", memoryMiB, 256, max.maxMemoryMib());
        range(problems, "Processes", pids, 64, max.maxPids());
        range(problems, "Disk (MiB)", diskMiB, 1024, max.maxDiskMib());
        range(problems, "Pre-warm", prewarm, 0, max.maxPrewarm());
        if (cpus != null && (cpus < 0.1 || cpus > max.maxCpus())) {
            problems.add("CPUs must be between 0.1 and " + max.maxCpus() + ".");
        }
        return problems;
    }

    private static void range(List<String> problems, String what, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add(what + " must be between " + min + " and " + max + ".");
        }
    }

    private Instant parse(String local) {
        if (local == null || local.isBlank()) return null;
        try {
            return LocalDateTime.parse(local.strip()).atZone(zone == null ? ZoneId.of("UTC") : zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
