package io.isolab.accounts;

import io.isolab.learner.LearnerAdopted;
import io.isolab.progress.ProgressRepository;
import io.isolab.sandbox.LabSandboxes;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creating accounts and moving an anonymous browser's progress and sandboxes to the account. */
@Service
public class AccountService {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");
    static final int MIN_PASSWORD = 8;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final ProgressRepository progress;
    private final LabSandboxes sandboxes;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    public AccountService(AccountRepository accounts, PasswordEncoder encoder, ProgressRepository progress,
                          LabSandboxes sandboxes, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.progress = progress;
        this.sandboxes = sandboxes;
        this.events = events;
    }

    /** Creates an account with a fresh learner id; throws AccountException with a message for the form. */
    public Account create(String username, String password, Role role) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountException("A name has 3 to 32 letters, digits, dots, dashes or underscores.");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new AccountException("The password needs at least " + MIN_PASSWORD + " characters.");
        }
        if (accounts.exists(name)) throw new AccountException("That name is taken; pick another.");
        try {
            return accounts.create(name, encoder.encode(password), role, newLearnerId());
        } catch (DuplicateKeyException raced) {
            throw new AccountException("That name is taken; pick another.");
        }
    }

    /** The browser's anonymous progress and running sandboxes become the account's. */
    public void adopt(String anonymousLearnerId, String accountLearnerId) {
        progress.moveAll(anonymousLearnerId, accountLearnerId);
        sandboxes.transfer(anonymousLearnerId, accountLearnerId);
        events.publishEvent(new LearnerAdopted(anonymousLearnerId, accountLearnerId));
    }

    String newLearnerId() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A sign-up or account form was filled in wrongly; the message is shown on the form. */
    public static class AccountException extends RuntimeException {
        public AccountException(String message) {
            super(message);
        }
    }
}
