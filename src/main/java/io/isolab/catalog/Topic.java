package io.isolab.catalog;

import java.util.List;

/** One topic of the curriculum mind map; {@code children} are the ids of the topics it leads to. */
public record Topic(String id, String title, String summary, List<String> children) {
}
