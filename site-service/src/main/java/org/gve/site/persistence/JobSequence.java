package org.gve.site.persistence;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The database sequence that orders jobs ({@code site_job_seq}), read in the dialect of the
 * database at hand (H2 and PostgreSQL spell "next value" differently).
 */
public final class JobSequence {
    private final String nextValue;

    public JobSequence(SessionFactory sessions) {
        this.nextValue = sessions.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
                .getSequenceSupport().getSequenceNextValString("site_job_seq");
    }

    public long next(Session s) {
        return ((Number) s.createNativeQuery(nextValue, Long.class).getSingleResult()).longValue();
    }
}
