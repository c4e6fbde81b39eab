package org.gve.install;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.gve.install.auth.Credential;
import org.gve.install.command.CommandLimits;
import org.gve.install.command.CommandRunner;
import org.gve.install.file.FileStore;
import org.gve.install.file.PathPolicy;
import org.gve.install.guest.GuestInfoReader;
import org.gve.install.ws.InstallPortImpl;

/**
 * Entry point of {@code gve-install-service.jar}: parses the command line once, wires the domain
 * classes through their constructors and serves until the process is stopped.
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    /** Metro otherwise puts the stack trace of an unexpected exception into the SOAP fault it sends. */
    private static final String METRO_NO_STACK_TRACES = "com.sun.xml.ws.fault.SOAPFaultBuilder.disableCaptureStackTrace";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.err));
    }

    /** Returns the exit status: 0 served or done, 1 could not start, 2 usage error. Keeps serving when started. */
    static int run(List<String> args, PrintStream console) {
        if (args.contains("--help") || args.contains("-h")) {
            console.print(InstallServiceConfig.usage());
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals("hash-credential")) {
            return hashCredential();
        }
        InstallServiceConfig config;
        try {
            config = InstallServiceConfig.parse(args);
        } catch (InstallServiceConfig.UsageException e) {
            console.println("gve-install-service: " + e.getMessage());
            console.print(InstallServiceConfig.usage());
            return 2;
        }
        System.setProperty(METRO_NO_STACK_TRACES, "true");
        try {
            InstallServer server = start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gve-install-shutdown"));
            Thread.currentThread().join();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            // a configuration problem (missing file, port in use...): the message says it all
            LOG.severe("InstallService could not start: " + e);
            LOG.log(Level.FINE, "start failure", e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static InstallServer start(InstallServiceConfig config) throws IOException {
        Credential credential = Credential.load(config.credentialFile());
        PathPolicy paths = config.root().isPresent() ? PathPolicy.confinedTo(config.root().get()) : PathPolicy.unrestricted();
        CommandLimits limits = new CommandLimits(config.maxOutputBytes(), config.defaultTimeout(), config.maxTimeout(),
                CommandLimits.defaults().drainGrace());
        InstallPortImpl port = new InstallPortImpl(CommandRunner.forThisProcess(limits), new FileStore(paths),
                GuestInfoReader.forThisGuest(), version());
        return InstallServer.start(config, credential, port);
    }

    /** The jar's Implementation-Version, or "dev" when run from classes. */
    static String version() {
        return Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("dev");
    }

    /** Reads USER:PASSWORD from standard input and prints the line to store in a credential file. */
    private static int hashCredential() {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.indexOf(':') <= 0) {
                System.err.println("hash-credential: expected USER:PASSWORD on standard input");
                return 2;
            }
            System.out.println(Credential.hashLine(line.strip()));
            return 0;
        } catch (IOException e) {
            System.err.println("hash-credential: " + e.getMessage());
            return 1;
        }
    }
}
