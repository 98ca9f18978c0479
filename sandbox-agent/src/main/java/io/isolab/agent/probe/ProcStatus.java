package io.isolab.agent.probe;

/** The few fields of /proc/&lt;pid&gt;/status the checks use. */
record ProcStatus(Integer seccomp, String capEff, Integer nsPid) {

    static ProcStatus parse(String status) {
        Integer seccomp = null;
        String capEff = null;
        Integer nsPid = null;
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
                    String[] pids = value.split("\\s+");
                    nsPid = Integer.valueOf(pids[pids.length - 1]);
                }
                default -> {
                }
            }
        }
        return new ProcStatus(seccomp, capEff, nsPid);
    }
}
