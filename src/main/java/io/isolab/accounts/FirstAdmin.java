package io.isolab.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a start without any admin: creates one from {@code isolab.admin.username/password}, or an
 * {@code admin} with a random password that is printed once, in a banner, and stored only as a hash.
 */
@Component
public class FirstAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private final AccountService service;
    private final AccountRepository accounts;
    private final String username;
    private final String password;

    public FirstAdmin(AccountService service, AccountRepository accounts,
                      @Value("${isolab.admin.username:}") String username,
                      @Value("${isolab.admin.password:}") String password) {
        this.service = service;
        this.accounts = accounts;
        this.username = username.isBlank() ? "admin" : username.strip();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyWithRole(Role.ADMIN)) return;
        if (accounts.exists(username)) {
            log.warn("No admin account exists and the name '{}' is taken by a non-admin; set isolab.admin.username.", username);
            return;
        }
        if (!password.isEmpty()) {
            service.create(username, password, Role.ADMIN);
            log.info("Created the admin account '{}' from isolab.admin.username/password.", username);
            return;
        }
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        service.create(username, generated, Role.ADMIN);
        log.warn("""

                ==================================================================
                  Isolab created the first admin account. Shown only this once:
                    username: {}
                    password: {}
                  Sign in at /login and keep it safe; it is stored only as a hash.
                ==================================================================""", username, generated);
    }
}
