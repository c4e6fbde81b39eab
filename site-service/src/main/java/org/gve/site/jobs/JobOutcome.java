package org.gve.site.jobs;

import org.hibernate.Session;

import java.util.function.Consumer;

/**
 * What a handler hands back: the result to store (JSON) and the database changes that must commit
 * in the same transaction that marks the job SUCCEEDED (e.g. the granted VM's row), so a crash can
 * never leave one without the other.
 */
public record JobOutcome(String result, Consumer<Session> commit) {
    public static JobOutcome of(String result) {
        return new JobOutcome(result, s -> { });
    }
}
