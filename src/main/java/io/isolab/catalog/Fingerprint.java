package io.isolab.catalog;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A cheap summary of the labs tree (paths, modification times, sizes): equal means nothing changed. */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Path dir) {
        StringBuilder sb = new StringBuilder();
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    sb.append(dir.relativize(file)).append('\0').append(attrs.lastModifiedTime().toMillis())
                            .append('\0').append(attrs.size()).append('\n');
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    sb.append(dir.relativize(d)).append("/\n");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a file deleted while we walk: the next look sees it
                }
            });
        } catch (IOException e) {
            return "unreadable:" + e.getMessage();
        }
        // keep the whole listing hashed so the stored value stays small for big scenario trees
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
