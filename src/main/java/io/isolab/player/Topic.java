package io.isolab.player;

import java.util.List;

/** One topic of the mind map, as the player shows it; {@code children} are topic ids. */
public record Topic(String id, String title, String summary, List<String> children) {
}
