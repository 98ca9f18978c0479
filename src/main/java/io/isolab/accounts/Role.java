package io.isolab.accounts;

/** What an account may do. ADMIN includes INSTRUCTOR, which includes LEARNER (see SecurityConfig). */
public enum Role {
    LEARNER, INSTRUCTOR, ADMIN;

    /** The Spring Security authority name, e.g. {@code ROLE_INSTRUCTOR}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
