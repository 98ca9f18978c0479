package io.isolab.accounts;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in principal: a Spring Security user that also knows its account's learner id and role. */
public class AccountUser extends User {
    private final String learnerId;
    private final Role role;

    public AccountUser(Account account, String passwordHash) {
        super(account.username(), passwordHash, List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.learnerId = account.learnerId();
        this.role = account.role();
    }

    public String learnerId() {
        return learnerId;
    }

    public Role role() {
        return role;
    }
}
