package io.isolab.selfhost;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Every setting an application reads: exact names, and prefixes under which any name binds
 * (Map-typed properties such as {@code logging.level}).
 */
final class KnownSettings {

    private final Set<SettingName> exact = new HashSet<>();
    private final Set<SettingName> prefixes = new HashSet<>();

    void add(String name) {
        exact.add(SettingName.of(name));
    }

    void addPrefix(String name) {
        prefixes.add(SettingName.of(name));
    }

    void addAll(KnownSettings other) {
        exact.addAll(other.exact);
        prefixes.addAll(other.prefixes);
    }

    boolean reads(String name) {
        SettingName n = SettingName.of(name);
        return exact.contains(n) || prefixes.stream().anyMatch(n::startsWith);
    }

    boolean readsAll(Collection<String> names) {
        return names.stream().allMatch(this::reads);
    }

    int size() {
        return exact.size() + prefixes.size();
    }
}
