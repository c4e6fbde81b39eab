package org.gve.client.translate;

import org.gve.client.model.GuestCommand;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.EnvironmentVariable;

/** The domain {@link GuestCommand} to the contract's Command; the timeout is rounded up to whole seconds. */
public final class CommandToWsdl {
    private CommandToWsdl() {
    }

    public static Command apply(GuestCommand c) {
        Command w = new Command();
        w.getArgument().addAll(c.argv());
        c.environment().forEach((name, value) -> {
            EnvironmentVariable v = new EnvironmentVariable();
            v.setName(name);
            v.setValue(value);
            w.getEnvironment().add(v);
        });
        w.setWorkingDirectory(c.workingDirectory());
        w.setStdin(c.stdin());
        if (c.timeout() != null) {
            long millis = c.timeout().toMillis();
            long seconds = Math.max(1, (millis + 999) / 1000);
            w.setTimeoutSeconds((int) Math.min(Integer.MAX_VALUE, seconds));
        }
        return w;
    }
}
