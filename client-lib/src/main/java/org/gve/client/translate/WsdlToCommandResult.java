package org.gve.client.translate;

import org.gve.client.model.CommandResult;

import java.time.Duration;

/** The contract's CommandResult to the domain {@link CommandResult}; absent output reads as empty. */
public final class WsdlToCommandResult {
    private WsdlToCommandResult() {
    }

    public static CommandResult apply(org.gve.wsdl.common.CommandResult r) {
        return new CommandResult(r.getExitCode(), nonNull(r.getStdout()), nonNull(r.getStderr()),
                r.isStdoutTruncated(), r.isStderrTruncated(), r.isTimedOut(), Duration.ofMillis(r.getDurationMillis()));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
