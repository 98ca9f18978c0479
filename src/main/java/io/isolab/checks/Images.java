package io.isolab.checks;

/** Image references as Docker shows them in different places ("nginx", "nginx:latest", "docker.io/library/nginx"). */
final class Images {
    private Images() {
    }

    static String normalize(String ref) {
        String r = ref.strip();
        if (r.startsWith("docker.io/")) r = r.substring("docker.io/".length());
        if (r.startsWith("library/")) r = r.substring("library/".length());
        if (r.contains("@") || r.startsWith("sha256:")) return r;
        int slash = r.lastIndexOf('/');
        return r.indexOf(':', slash + 1) < 0 ? r + ":latest" : r;
    }

    static boolean same(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }
}
