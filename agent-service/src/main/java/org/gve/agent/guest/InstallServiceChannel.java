package org.gve.agent.guest;

import org.gve.wsdl.runtime.Attachments;
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
import org.gve.wsdl.install.GuestFault;
import org.gve.wsdl.install.GuestInfo;
import org.gve.wsdl.install.Install;
import org.gve.wsdl.install.InvalidArgumentFault;
import org.gve.wsdl.install.NotAuthorizedFault;
import org.gve.wsdl.install.NotFoundFault;
import org.gve.wsdl.runtime.StreamDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;

/**
 * Reaches a guest through the InstallService running inside it, with the VM's own credential.
 * File content streams both ways (see {@link InstallServiceClients}); nothing is held whole.
 */
public final class InstallServiceChannel implements GuestChannel {
    /** Time the InstallService gets beyond a command's own timeout to kill it and answer. */
    private static final Duration COMMAND_MARGIN = Duration.ofSeconds(30);

    private final InstallServiceClients clients;
    private final URI endpoint;
    private final String user;
    private final String secret;

    InstallServiceChannel(InstallServiceClients clients, URI endpoint, String user, String secret) {
        this.clients = clients;
        this.endpoint = endpoint;
        this.user = user;
        this.secret = secret;
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
        Install port = clients.port(endpoint, user, secret);
        if (command.timeout() != null) {
            request.setTimeoutSeconds((int) Math.min(Integer.MAX_VALUE, command.timeout().toSeconds()));
            clients.allowAtLeast(port, command.timeout().plus(COMMAND_MARGIN));
        }
        CommandResult r = call(port, "running a command", p -> p.runCommand(request));
        return new GuestCommandResult(r.getExitCode(), r.getStdout(), r.getStderr(), r.isStdoutTruncated(),
                r.isStderrTruncated(), r.isTimedOut(), r.getDurationMillis());
    }

    @Override
    public GuestFile put(String path, String mode, InputStream content) {
        return file(call(clients.port(endpoint, user, secret), "writing " + path,
                p -> p.putFile(path, mode, null, new DataHandler(new StreamDataSource(content)))));
    }

    @Override
    public GuestFile get(String path, OutputStream content) {
        return call(clients.port(endpoint, user, secret), "reading " + path, p -> {
            Holder<FileInfo> info = new Holder<>();
            Holder<DataHandler> data = new Holder<>();
            p.getFile(path, info, data);
            copy(data.value, content);
            return file(info.value);
        });
    }

    /** What the InstallService says of its guest; also proves it answers and accepts the credential. */
    public String guestSummary() {
        GuestInfo info = call(clients.port(endpoint, user, secret), "asking for guest information", Install::getGuestInfo);
        return info.getHostName() + " (InstallService " + info.getServiceVersion() + ")";
    }

    @FunctionalInterface
    private interface InstallCall<T> {
        T on(Install port) throws Exception;
    }

    /** One call to the InstallService, its faults mapped to the driver's errors in this one place. */
    private <T> T call(Install port, String what, InstallCall<T> call) {
        try {
            return call.on(port);
        } catch (InvalidArgumentFault e) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, e.getFaultInfo().getMessage(), e);
        } catch (NotFoundFault e) {
            throw new DriverException(DriverError.NOT_FOUND, e.getFaultInfo().getMessage(), e);
        } catch (GuestFault e) {
            throw guestFailure(e.getFaultInfo().getMessage(), e);
        } catch (NotAuthorizedFault e) {
            throw new DriverException(DriverError.GUEST_UNAVAILABLE,
                    "the InstallService at " + endpoint + " refused the VM's credential", e);
        } catch (WebServiceException e) {
            throw new DriverException(DriverError.GUEST_UNAVAILABLE,
                    "the InstallService at " + endpoint + " did not answer: " + e.getMessage(), e);
        } catch (IOException e) {
            throw guestFailure(what + " through the InstallService at " + endpoint + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("undeclared failure " + what + " through the InstallService", e);
        }
    }

    /** Reads a download once, straight from the connection where Metro allows it. */
    private static void copy(DataHandler data, OutputStream content) throws IOException {
        try (InputStream in = Attachments.open(data)) {
            in.transferTo(content);
        }
    }

    private static GuestFile file(FileInfo info) {
        return new GuestFile(info.getPath(), info.getSize(), info.getMode(), info.getSha256());
    }

    private static DriverException guestFailure(String message, Exception cause) {
        return new DriverException(DriverError.GUEST_UNAVAILABLE, message, cause);
    }
}
