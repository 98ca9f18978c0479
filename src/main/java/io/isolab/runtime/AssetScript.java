package io.isolab.runtime;

import io.isolab.catalog.Asset;

/** The shell that writes one asset (base64 on stdin) to its target inside the sandbox. */
final class AssetScript {

    private AssetScript() {
    }

    static String write(Asset asset) {
        String target = quote(targetPath(asset));
        String script = "mkdir -p \"$(dirname " + target + ")\" && base64 -d > " + target;
        if (asset.chmod() != null && !asset.chmod().isBlank()) {
            script += " && chmod " + quote(asset.chmod()) + " " + target;
        }
        return script;
    }

    /** Katacoda targets name folders ("~/", "/usr/local/bin"): the file keeps its own name there. */
    static String targetPath(Asset asset) {
        String target = asset.target() == null || asset.target().isBlank() ? "~/" : asset.target();
        if (target.equals("~") || target.startsWith("~/")) target = "/root" + target.substring(1);
        String name = asset.source().substring(asset.source().lastIndexOf('/') + 1);
        return target.endsWith("/") ? target + name : target;
    }

    /** Single-quotes a value for sh. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }
}
