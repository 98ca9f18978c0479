package io.isolab.learner;

import jakarta.servlet.http.HttpServletRequest;

/** An anonymous learner, known only by the random id in the {@code isolab_learner} cookie. */
public record Learner(String id) {

    static final String ATTRIBUTE = Learner.class.getName();

    /** The learner the {@link LearnerFilter} attached to this request. */
    public static Learner of(HttpServletRequest request) {
        Object learner = request.getAttribute(ATTRIBUTE);
        if (learner instanceof Learner l) return l;
        throw new IllegalStateException("LearnerFilter did not run for " + request.getRequestURI());
    }
}
