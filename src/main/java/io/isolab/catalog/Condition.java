package io.isolab.catalog;

import java.util.Map;

/**
 * A check as written by the author, before the checks package gives it a type.
 *
 * @param kind     process, namespace, cgroup, container, image, network, volume, file, http, answer, script
 * @param params   the kind's parameters as written (YAML map); for script: {run, timeout}
 * @param hint     learner-facing hint shown when it fails, or null
 * @param location "labs/<id>/<file>:<line>" for error messages
 */
public record Condition(String kind, Map<String, Object> params, String hint, String location) {
}
