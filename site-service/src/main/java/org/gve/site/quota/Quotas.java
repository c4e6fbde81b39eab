package org.gve.site.quota;

import org.gve.site.jobs.Reservation;
import org.hibernate.SessionFactory;

/** Read-only quota questions asked outside a job's own transaction. */
public final class Quotas {
    private final SessionFactory sessions;

    public Quotas(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** What {@code owner} holds plus what their unfinished jobs reserve, now. */
    public Usage usage(String owner) {
        return sessions.fromSession(s -> QuotaLedger.usage(s, owner));
    }

    /** What {@code owner} could still take on top of {@code own}, a reservation already counted. */
    public Usage headroom(String owner, Reservation own) {
        return sessions.fromSession(s -> QuotaLedger.headroom(s, QuotaLedger.userOf(s, owner), own));
    }
}
