package io.isolab.agent.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The few fields of /proc/&lt;pid&gt;/status the checks use.
 *
 * @param nsPids the NSpid line: the pid in each pid namespace from the reader's down to the process's own
 */
record ProcStatus(Integer seccomp, String capEff, List<Integer> nsPids) {

    ProcStatus {
        nsPids = List.copyOf(nsPids);
    }

    /** The pid in the process's innermost pid namespace. */
    Integer nsPid() {
        return nsPids.isEmpty() ? null : nsPids.getLast();
    }

    /**
     * The pid as numbered in the pid namespace {@code depth} levels below the reader's (0 = the reader's own);
     * null when the process does not live that deep.
     */
    Integer pidAtDepth(int depth) {
        return depth >= 0 && depth < nsPids.size() ? nsPids.get(depth) : null;
    }

    /** How many pid namespaces lie between the reader's and the process's own. */
    int depth() {
        return nsPids.size() - 1;
    }

    static ProcStatus parse(String status) {
        Integer seccomp = null;
        String capEff = null;
        List<Integer> nsPids = new ArrayList<>();
        for (String line : status.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "Seccomp" -> seccomp = Integer.valueOf(value);
                case "CapEff" -> capEff = value;
                case "NSpid" -> {
                    for (String pid : value.split("\\s+")) {
                        nsPids.add(Integer.valueOf(pid));
                    }
                }
                default -> {
                }
            }
        }
        return new ProcStatus(seccomp, capEff, nsPids);
    }
}
