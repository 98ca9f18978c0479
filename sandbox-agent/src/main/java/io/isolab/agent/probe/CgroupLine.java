package io.isolab.agent.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of /proc/&lt;pid&gt;/cgroup: {@code hierarchy-id:controllers:path}.
 * cgroup v2 lines have id 0 and no controllers ({@code 0::/path}).
 */
record CgroupLine(String hierarchyId, List<String> controllers, String path) {

    static List<CgroupLine> parseAll(List<String> lines) {
        List<CgroupLine> parsed = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3) {
                List<String> controllers = parts[1].isEmpty() ? List.of() : Arrays.asList(parts[1].split(","));
                parsed.add(new CgroupLine(parts[0], controllers, parts[2]));
            }
        }
        return parsed;
    }

    boolean isUnified() {
        return "0".equals(hierarchyId) && controllers.isEmpty();
    }

    boolean has(String controller) {
        return controllers.contains(controller);
    }

    /** Same hierarchy as {@code other} (same id and controllers). */
    boolean sameHierarchy(CgroupLine other) {
        return hierarchyId.equals(other.hierarchyId) && controllers.equals(other.controllers);
    }
}
