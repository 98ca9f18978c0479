package io.isolab.catalog;

import java.util.List;

/** Everything read from labs/ at one moment: the labs that loaded (in catalog order) and the problems. */
public record CatalogSnapshot(List<Lab> labs, List<LabProblem> problems, MindMap mindMap) {
}
