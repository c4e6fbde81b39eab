package org.gve.install.ws;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gve.glue.OperatingSystem;
import org.gve.install.command.CommandOutcome;
import org.gve.install.command.CommandSpec;
import org.gve.install.file.StoredFile;
import org.gve.install.guest.GuestDescription;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.EnvironmentVariable;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.install.GuestInfo;

/** Translations between the generated contract types and the domain's, one small function each. */
final class WsdlMapping {

    private WsdlMapping() {
    }

    /** The contract's Command as the domain's request; a later variable of the same name wins. */
    static CommandSpec commandSpec(Command command) {
        if (command == null) {
            return new CommandSpec(null, null, null, null, null);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvironmentVariable v : command.getEnvironment()) {
            env.put(v.getName() == null ? "" : v.getName(), v.getValue());
        }
        return new CommandSpec(command.getArgument(), env, command.getWorkingDirectory(), command.getStdin(),
                command.getTimeoutSeconds());
    }

    static CommandResult commandResult(CommandOutcome outcome) {
        CommandResult r = new CommandResult();
        r.setExitCode(outcome.exitCode());
        r.setStdout(XmlText.clean(outcome.stdout()));
        r.setStderr(XmlText.clean(outcome.stderr()));
        r.setStdoutTruncated(outcome.stdoutTruncated());
        r.setStderrTruncated(outcome.stderrTruncated());
        r.setTimedOut(outcome.timedOut());
        r.setDurationMillis(outcome.duration().toMillis());
        return r;
    }

    static FileInfo fileInfo(StoredFile file) {
        FileInfo info = new FileInfo();
        info.setPath(XmlText.clean(file.path().toString()));
        info.setSize(file.size());
        info.setMode(file.mode());
        info.setSha256(file.sha256());
        return info;
    }

    static GuestInfo guestInfo(GuestDescription guest, String serviceVersion) {
        OperatingSystem os = new OperatingSystem();
        os.setName(XmlText.clean(guest.osName()));
        os.setRelease(XmlText.clean(guest.osRelease()));
        os.setVersion(XmlText.clean(guest.osVersion()));
        GuestInfo info = new GuestInfo();
        info.setHostName(XmlText.clean(guest.hostName()));
        info.setOperatingSystem(os);
        info.setArchitecture(guest.architecture());
        info.getAddress().addAll(guest.addresses());
        info.setServiceVersion(serviceVersion);
        return info;
    }
}
