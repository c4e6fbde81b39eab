package org.gve.agent.guest;

import jakarta.activation.DataHandler;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.WebServiceException;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.GuestChannel;
import org.gve.agent.spi.GuestCommand;
import org.gve.agent.spi.GuestCommandResult;
import org.gve.agent.spi.GuestFile;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.EnvironmentVariable;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.install.Install;
import org.gve.wsdl.install.InstallService;
import org.gve.wsdl.runtime.SoapClients;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;

/** Reaches a guest through the InstallService running inside it, with the VM's own credential. */
public final class InstallServiceChannel implements GuestChannel {
    private final Install port;
    private final URI endpoint;

    public InstallServiceChannel(URI endpoint, String user, String secret, Duration timeout) {
        this.endpoint = endpoint;
        this.port = SoapClients.mtomPort(new InstallService(), Install.class, endpoint, user, secret, timeout);
    }

    @Override
    public GuestCommandResult run(GuestCommand command) {
        Command request = new Command();
        request.getArgument().addAll(command.argv());
        command.environment().forEach((name, value) -> {
            EnvironmentVariable variable = new EnvironmentVariable();
            variable.setName(name);
            variable.setValue(value);
            request.getEnvironment().add(variable);
        });
        request.setWorkingDirectory(command.workingDirectory());
        request.setStdin(command.stdin());
        if (command.timeout() != null) request.setTimeoutSeconds((int) command.timeout().toSeconds());
        try {
            CommandResult r = port.runCommand(request);
            return new GuestCommandResult(r.getExitCode(), r.getStdout(), r.getStderr(), r.isStdoutTruncated(),
                    r.isStderrTruncated(), r.isTimedOut(), r.getDurationMillis());
        } catch (Exception e) {
            throw failure(e);
        }
    }

    @Override
    public GuestFile put(String path, String mode, InputStream content) {
        try {
            FileInfo info = port.putFile(path, mode, null, new DataHandler(new org.gve.wsdl.runtime.StreamDataSource(content)));
            return new GuestFile(info.getPath(), info.getSize(), info.getMode(), info.getSha256());
        } catch (Exception e) {
            throw failure(e);
        }
    }

    @Override
    public GuestFile get(String path, OutputStream content) {
        Holder<FileInfo> info = new Holder<>();
        Holder<DataHandler> data = new Holder<>();
        try {
            port.getFile(path, info, data);
            try (InputStream in = data.value.getInputStream()) {
                in.transferTo(content);
            }
            return new GuestFile(info.value.getPath(), info.value.getSize(), info.value.getMode(), info.value.getSha256());
        } catch (Exception e) {
            throw failure(e);
        }
    }

    /** InstallService faults keep their meaning; transport failures mean the guest is unreachable. */
    private DriverException failure(Exception e) {
        if (e instanceof org.gve.wsdl.install.InvalidArgumentFault f) {
            return new DriverException(DriverError.INVALID_ARGUMENT, f.getFaultInfo().getMessage(), e);
        }
        if (e instanceof org.gve.wsdl.install.NotFoundFault f) {
            return new DriverException(DriverError.NOT_FOUND, f.getFaultInfo().getMessage(), e);
        }
        if (e instanceof org.gve.wsdl.install.GuestFault f) {
            return new DriverException(DriverError.GUEST_UNAVAILABLE, f.getFaultInfo().getMessage(), e);
        }
        if (e instanceof org.gve.wsdl.install.NotAuthorizedFault) {
            return new DriverException(DriverError.GUEST_UNAVAILABLE,
                    "the InstallService at " + endpoint + " refused the VM's credential", e);
        }
        if (e instanceof WebServiceException || e instanceof IOException) {
            return new DriverException(DriverError.GUEST_UNAVAILABLE,
                    "the InstallService at " + endpoint + " did not answer: " + e.getMessage(), e);
        }
        return new DriverException(DriverError.GUEST_UNAVAILABLE, "guest call failed: " + e, e);
    }
}
