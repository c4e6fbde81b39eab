package org.gve.client.cli;

import org.gve.client.error.GveException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The {@code gve} command line:
 * {@code gve [--site URL] [--user U] [--password-file F | env GVE_PASSWORD] [--call-timeout S] [--verbose] COMMAND [ARGS]}.
 * Errors print one line {@code gve: <Code>: <message>} on stderr and exit with the code of their kind
 * (see {@link ExitCodes}); never a stack trace.
 */
public final class GveCli {
    private final CliEnvironment env;
    private final Map<String, CommandDef> commands = new LinkedHashMap<>();

    public GveCli(CliEnvironment env) {
        this.env = env;
        List<CommandDef> all = new ArrayList<>();
        all.addAll(VmCommands.all());
        all.addAll(JobCommands.all());
        all.addAll(GuestCommands.all());
        all.addAll(AdminCommands.all());
        for (CommandDef c : all) {
            if (commands.put(c.name(), c) != null) throw new IllegalStateException("two commands named " + c.name());
        }
    }

    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v"));
        System.exit(new GveCli(CliEnvironment.system()).run(args));
    }

    /** Runs one command line and returns the process exit code. */
    public int run(String... args) {
        PrintStream err = env.err();
        try {
            GlobalOptions globals = GlobalOptions.parse(List.of(args));
            if (globals.command() == null) {
                if (globals.help()) {
                    help(env.out());
                    return ExitCodes.OK;
                }
                throw new UsageException("no command given");
            }
            if (globals.command().equals("help") || globals.help() || asksForHelp(globals.arguments())) {
                return help(globals);
            }
            CommandDef command = commands.get(globals.command());
            if (command == null) throw new UsageException("unknown command '" + globals.command() + "'");
            Args parsed = Args.parse(globals.arguments(), command.options());
            try (Session session = new Session(env, globals)) {
                return command.handler().run(parsed, session);
            }
        } catch (UsageException e) {
            err.println("gve: USAGE: " + oneLine(e.getMessage()));
            err.println("gve: run 'gve help' for the commands and their options");
            return ExitCodes.USAGE;
        } catch (GveException e) {
            err.println("gve: " + e.code() + ": " + oneLine(e.getMessage()));
            return ExitCodes.of(e.kind());
        } catch (RuntimeException e) {
            Logger.getLogger(GveCli.class.getName()).log(Level.FINE, "unexpected failure", e);
            err.println("gve: INTERNAL: " + oneLine(e.toString()));
            return ExitCodes.SITE_ERROR;
        } finally {
            env.out().flush();
            err.flush();
        }
    }

    private int help(GlobalOptions globals) {
        String topic = globals.command().equals("help")
                ? (globals.arguments().isEmpty() ? null : globals.arguments().get(0))
                : globals.command();
        if (topic == null) {
            help(env.out());
            return ExitCodes.OK;
        }
        CommandDef c = commands.get(topic);
        if (c == null) throw new UsageException("unknown command '" + topic + "'");
        env.out().println("usage: gve [global options] " + c.synopsis());
        env.out().println("  " + c.summary());
        return ExitCodes.OK;
    }

    private void help(PrintStream out) {
        out.println("usage: gve [--site URL] [--user U] [--password-file F] [--call-timeout S] [--verbose] COMMAND [ARGS]");
        out.println("  --site defaults to $GVE_SITE or " + Session.DEFAULT_SITE + "; --user to $GVE_USER;");
        out.println("  the password comes from --password-file, else $GVE_PASSWORD, else a console prompt.");
        out.println();
        out.println("commands:");
        for (CommandDef c : commands.values()) {
            out.println("  " + c.synopsis());
            out.println("      " + c.summary());
        }
        out.println();
        out.println("exit codes: 0 ok, 1 site error, 2 usage, 3 invalid argument, 4 not authorized, 5 not found,");
        out.println("  6 invalid state, 7 quota exceeded, 8 lease expired, 9 agent unavailable, 10 unsupported,");
        out.println("  11 job failed, 12 site unreachable, 13 wait timeout, 14 checksum mismatch, 15 local I/O;");
        out.println("  run and run-job exit with the program's own code (124 if the site killed it at its timeout).");
    }

    /** {@code --help} or {@code -h} among a command's own options (not after {@code --}). */
    private static boolean asksForHelp(List<String> arguments) {
        for (String a : arguments) {
            if (a.equals("--")) return false;
            if (a.equals("--help") || a.equals("-h")) return true;
        }
        return false;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /**
     * The command line's logging: silent unless --verbose (then FINE for org.gve on stderr), so that
     * errors stay one line. Left alone when a logging configuration is given explicitly.
     */
    static void configureLogging(boolean verbose) {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        String config = verbose
                ? "handlers=java.util.logging.ConsoleHandler\n.level=WARNING\norg.gve.level=FINE\n"
                  + "java.util.logging.ConsoleHandler.level=FINE\n"
                  + "java.util.logging.SimpleFormatter.format=gve: %4$s %3$s: %5$s%6$s%n\n"
                : "handlers=\n.level=OFF\n";
        try {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(config.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
