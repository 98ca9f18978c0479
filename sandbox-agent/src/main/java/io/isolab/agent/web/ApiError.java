package io.isolab.agent.web;

/** The JSON body of every error answer. */
public record ApiError(String error, String message) {
}
