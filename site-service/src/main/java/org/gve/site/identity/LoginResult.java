package org.gve.site.identity;

import java.time.Duration;
import java.util.Optional;

/** What a login attempt came to: the caller, a refusal, or a pause of logins from the client's address. */
public sealed interface LoginResult {
    /** Wrong user name or password (or the user's own logins are locked for a while: not told apart). */
    LoginResult REFUSED = new Refused();

    /** The caller, when the login was accepted. */
    default Optional<Caller> accepted() {
        return this instanceof Accepted a ? Optional.of(a.caller()) : Optional.empty();
    }

    record Accepted(Caller caller) implements LoginResult {
    }

    record Refused() implements LoginResult {
    }

    /** Refused without looking at the credentials: too many failed logins from {@code address} lately. */
    record Paused(String address, Duration remaining) implements LoginResult {
        /** For people: which address, why, and for how long. */
        public String message() {
            return "too many failed logins from " + address + ": logins from this address are paused for "
                    + wait(remaining) + "; try again after that";
        }

        /** Rounded up to whole seconds, e.g. "4 min 5 s", "40 s". */
        static String wait(Duration d) {
            long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
            long minutes = seconds / 60;
            if (minutes == 0) return seconds + " s";
            return seconds % 60 == 0 ? minutes + " min" : minutes + " min " + seconds % 60 + " s";
        }
    }
}
