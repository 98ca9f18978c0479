package io.isolab.catalog;

/** A file to copy into the sandbox before the lab starts: {@code source} relative to the lab folder. */
public record Asset(String source, String target, String chmod) {
}
