package org.gve.agent.ws;

import org.gve.wsdl.runtime.Attachments;
import jakarta.activation.DataHandler;
import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;
import org.gve.agent.spi.GuestCommand;
import org.gve.agent.spi.GuestCommandResult;
import org.gve.agent.spi.GuestFile;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.EnvironmentVariable;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.runtime.Spool;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Translations of guest commands and files between the contract and the driver SPI. */
final class GuestTranslations {
    private GuestTranslations() {
    }

    static GuestCommand command(Command c) {
        if (c == null || c.getArgument().isEmpty()) {
            throw Invalid.argument("INVALID_COMMAND", "a Command needs at least one Argument (the program)");
        }
        if (c.getTimeoutSeconds() != null && c.getTimeoutSeconds() <= 0) {
            throw Invalid.argument("INVALID_COMMAND", "TimeoutSeconds must be positive");
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvironmentVariable v : c.getEnvironment()) env.put(v.getName(), v.getValue());
        return new GuestCommand(c.getArgument(), env, c.getWorkingDirectory(), c.getStdin(),
                c.getTimeoutSeconds() == null ? null : Duration.ofSeconds(c.getTimeoutSeconds()));
    }

    static CommandResult result(GuestCommandResult r) {
        CommandResult result = new CommandResult();
        result.setExitCode(r.exitCode());
        result.setStdout(r.stdout());
        result.setStderr(r.stderr());
        result.setStdoutTruncated(r.stdoutTruncated());
        result.setStderrTruncated(r.stderrTruncated());
        result.setTimedOut(r.timedOut());
        result.setDurationMillis(r.durationMillis());
        return result;
    }

    static FileInfo fileInfo(GuestFile f) {
        FileInfo info = new FileInfo();
        info.setPath(f.path());
        info.setSize(f.size());
        info.setMode(f.mode());
        info.setSha256(f.sha256());
        return info;
    }

    /** The content, read once straight from the request where Metro streams it. */
    static InputStream stream(DataHandler content) {
        if (content == null) throw Invalid.argument("MISSING_CONTENT", "Content is required");
        try {
            return Attachments.open(content);
        } catch (IOException e) {
            throw new AgentException(AgentFault.INVALID_ARGUMENT, "UNREADABLE_CONTENT", "cannot read Content: " + e.getMessage());
        }
    }

    static Spool spool(java.nio.file.Path dir) {
        try {
            return new Spool(dir);
        } catch (IOException e) {
            throw new AgentException(AgentFault.HYPERVISOR, "SPOOL_FAILED", "cannot spool the guest file: " + e.getMessage());
        }
    }

    static DataHandler handOver(Spool spool) {
        try {
            return spool.content();
        } catch (IOException e) {
            spool.discard();
            throw new AgentException(AgentFault.HYPERVISOR, "SPOOL_FAILED", "cannot spool the guest file: " + e.getMessage());
        }
    }
}
