package org.gve.client.cli;

import org.gve.client.GveClient;
import org.gve.client.GveClientConfig;
import org.gve.client.error.LocalFileException;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/** One invocation of gve: the global options, the output streams and the client, made on first use. */
final class Session implements AutoCloseable {
    static final String DEFAULT_SITE = "http://localhost:8080/gve";

    private final CliEnvironment env;
    private final GlobalOptions globals;
    private final Printer printer;
    private GveClient client;

    Session(CliEnvironment env, GlobalOptions globals) {
        this.env = env;
        this.globals = globals;
        this.printer = new Printer(env.out());
    }

    Printer print() {
        return printer;
    }

    PrintStream out() {
        return env.out();
    }

    PrintStream err() {
        return env.err();
    }

    Clock clock() {
        return env.clock();
    }

    /** A note for people on stderr, shown with --verbose only. */
    void progress(String message) {
        if (globals.verbose()) env.err().println("gve: " + message);
    }

    GveClient client() {
        if (client == null) client = env.clientFactory().apply(config());
        return client;
    }

    GveClientConfig config() {
        String site = firstOf(globals.site(), env.env().get("GVE_SITE"), DEFAULT_SITE);
        String user = firstOf(globals.user(), env.env().get("GVE_USER"), null);
        if (user == null || user.isBlank()) throw new UsageException("no user: give --user U or set GVE_USER");
        URI base;
        try {
            base = URI.create(site);
        } catch (IllegalArgumentException e) {
            throw new UsageException("not a URL: " + site, e);
        }
        char[] password = password();
        try {
            Duration timeout = globals.callTimeout() == null ? GveClientConfig.DEFAULT_CALL_TIMEOUT : globals.callTimeout();
            return new GveClientConfig(base, user, password, timeout, GveClientConfig.DEFAULT_POLL_INTERVAL,
                    GveClientConfig.DEFAULT_MAX_POLL_INTERVAL);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] password() {
        if (globals.passwordFile() != null) return readSecret(Path.of(globals.passwordFile()));
        String fromEnv = env.env().get("GVE_PASSWORD");
        if (fromEnv != null) return fromEnv.toCharArray();
        char[] typed = env.passwordPrompt().get();
        if (typed != null) return typed;
        throw new UsageException("no password: give --password-file F or set GVE_PASSWORD");
    }

    /** The first line of a secret file, without its line end; the bytes read are wiped. */
    static char[] readSecret(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LocalFileException("LOCAL_IO_ERROR", "cannot read password file " + file + ": " + e.getMessage(), e);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            int end = 0;
            while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') end++;
            char[] secret = new char[end];
            chars.get(secret, 0, end);
            Arrays.fill(chars.array(), '\0');
            return secret;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static String firstOf(String a, String b, String c) {
        if (a != null && !a.isBlank()) return a;
        if (b != null && !b.isBlank()) return b;
        return c;
    }

    @Override
    public void close() {
        if (client != null) client.close();
    }
}
