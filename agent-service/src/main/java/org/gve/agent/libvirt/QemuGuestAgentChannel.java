package org.gve.agent.libvirt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.GuestChannel;
import org.gve.agent.spi.GuestCommand;
import org.gve.agent.spi.GuestCommandResult;
import org.gve.agent.spi.GuestFile;

/**
 * A KVM guest reached through the QEMU guest agent, via libvirt ({@code virDomainQemuAgentCommand}):
 * guest-exec + guest-exec-status for commands, guest-file-open/read/write/close for files. Each agent command
 * takes the connection's lock only for itself, so a long-running guest command does not block the driver.
 * A command's environment, when given, replaces the guest agent's. A working directory is entered through
 * {@code /bin/sh -c 'cd "$1" && shift && exec "$@"'}: the command itself is never parsed by a shell.
 */
final class QemuGuestAgentChannel implements GuestChannel {
    /** Bytes of output kept per stream; more is cut and flagged. */
    static final int OUTPUT_LIMIT = 1024 * 1024;
    /**
     * Bytes per guest-file-write. qemu-ga 7.2 stops answering (its channel stays stuck) on a write of ~200 KB
     * (266 KB of base64); 128 KB still worked. 64 KiB keeps a wide margin.
     */
    private static final int WRITE_CHUNK = 64 * 1024;
    /** Bytes per guest-file-read; 1 MiB reads were measured to work. */
    private static final int READ_CHUNK = 512 * 1024;
    private static final int AGENT_TIMEOUT_SECONDS = 30;

    private final LibvirtConnection connection;
    private final Domains domains;
    private final String vmId;
    private final Duration defaultTimeout;
    private final Duration poll;

    QemuGuestAgentChannel(LibvirtConnection connection, Domains domains, String vmId, Duration defaultTimeout,
                          Duration poll) {
        this.connection = connection;
        this.domains = domains;
        this.vmId = vmId;
        this.defaultTimeout = defaultTimeout;
        this.poll = poll;
    }

    @Override
    public GuestCommandResult run(GuestCommand command) {
        long started = System.nanoTime();
        long pid = start(command);
        Duration timeout = command.timeout() != null ? command.timeout() : defaultTimeout;
        AtomicReference<Map<String, Object>> status = new AtomicReference<>();
        boolean exited = BoundedWait.until(timeout, poll, () -> {
            status.set(agent("guest-exec-status", "{\"pid\":" + pid + "}"));
            return Boolean.TRUE.equals(status.get().get("exited"));
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!exited) return new GuestCommandResult(-1, "", "", false, false, true, millis);
        Map<String, Object> s = status.get();
        int exitCode = s.get("exitcode") instanceof Long code ? code.intValue()
                : s.get("signal") instanceof Long signal ? 128 + signal.intValue() : -1;
        Output out = output(s, "out-data", "out-truncated");
        Output err = output(s, "err-data", "err-truncated");
        return new GuestCommandResult(exitCode, out.text(), err.text(), out.truncated(), err.truncated(), false, millis);
    }

    @Override
    public GuestFile put(String path, String mode, InputStream content) {
        MessageDigest sha = sha256();
        long size = 0;
        long handle = fileOpen(path, "w");
        RuntimeException failure = null;
        try {
            byte[] buffer = new byte[WRITE_CHUNK];
            int n;
            while ((n = content.readNBytes(buffer, 0, buffer.length)) > 0) {
                sha.update(buffer, 0, n);
                String b64 = Base64.getEncoder().encodeToString(n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
                agent("guest-file-write", "{\"handle\":" + handle + ",\"buf-b64\":\"" + b64 + "\"}");
                size += n;
            }
        } catch (IOException e) {
            failure = new DriverException(DriverError.INVALID_ARGUMENT, "reading the content for " + path + " failed", e);
        } catch (RuntimeException e) {
            failure = e;
        }
        close(handle, failure);
        if (mode != null && !mode.isBlank()) {
            if (!mode.matches("[0-7]{3,4}")) throw new DriverException(DriverError.INVALID_ARGUMENT, "mode must be octal: " + mode);
            check(execute(List.of("chmod", mode, path)), "chmod " + mode + " " + path);
        }
        return new GuestFile(path, size, fileMode(path), HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public GuestFile get(String path, OutputStream content) {
        MessageDigest sha = sha256();
        long size = 0;
        long handle = fileOpen(path, "r");
        RuntimeException failure = null;
        try {
            while (true) {
                Map<String, Object> read = agent("guest-file-read", "{\"handle\":" + handle + ",\"count\":" + READ_CHUNK + "}");
                byte[] data = Base64.getDecoder().decode(String.valueOf(read.getOrDefault("buf-b64", "")));
                content.write(data);
                sha.update(data);
                size += data.length;
                if (Boolean.TRUE.equals(read.get("eof")) || data.length == 0) break;
            }
        } catch (IOException e) {
            failure = new DriverException(DriverError.INVALID_ARGUMENT, "writing the content of " + path + " failed", e);
        } catch (RuntimeException e) {
            failure = e;
        }
        close(handle, failure);
        return new GuestFile(path, size, fileMode(path), HexFormat.of().formatHex(sha.digest()));
    }

    private long start(GuestCommand command) {
        List<String> argv = new ArrayList<>();
        if (command.workingDirectory() != null && !command.workingDirectory().isBlank()) {
            argv.addAll(List.of("/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", command.workingDirectory()));
        }
        argv.addAll(command.argv());
        StringBuilder args = new StringBuilder("{\"path\":").append(AgentJson.quote(argv.get(0)))
                .append(",\"arg\":").append(jsonList(argv.subList(1, argv.size())))
                .append(",\"capture-output\":true");
        if (!command.environment().isEmpty()) {
            args.append(",\"env\":").append(jsonList(command.environment().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        if (command.stdin() != null) {
            args.append(",\"input-data\":\"").append(Base64.getEncoder().encodeToString(
                    command.stdin().getBytes(StandardCharsets.UTF_8))).append('"');
        }
        Map<String, Object> started = agent("guest-exec", args.append('}').toString());
        if (started.get("pid") instanceof Long pid) return pid;
        throw new DriverException(DriverError.GUEST_UNAVAILABLE, "guest-exec answered without a pid: " + started);
    }

    private GuestCommandResult execute(List<String> argv) {
        return run(new GuestCommand(argv, Map.of(), null, null, defaultTimeout));
    }

    private String fileMode(String path) {
        GuestCommandResult stat = execute(List.of("stat", "-c", "%a", path));
        return stat.exitCode() == 0 ? stat.stdout().trim() : null;
    }

    private long fileOpen(String path, String mode) {
        Object handle = agentValue("guest-file-open", "{\"path\":" + AgentJson.quote(path) + ",\"mode\":\"" + mode + "\"}");
        if (handle instanceof Long h) return h;
        throw new DriverException(DriverError.GUEST_UNAVAILABLE, "guest-file-open " + path + " answered " + handle);
    }

    private void fileClose(long handle) {
        agentValue("guest-file-close", "{\"handle\":" + handle + "}");
    }

    /** Closes the guest file; after a failed transfer the transfer's failure is thrown, not the close's. */
    private void close(long handle, RuntimeException failure) {
        try {
            fileClose(handle);
        } catch (RuntimeException e) {
            if (failure == null) throw e;
            failure.addSuppressed(e);
        }
        if (failure != null) throw failure;
    }

    private Map<String, Object> agent(String command, String arguments) {
        Object value = agentValue(command, arguments);
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        }
        throw new DriverException(DriverError.GUEST_UNAVAILABLE, command + " answered " + value);
    }

    private Object agentValue(String command, String arguments) {
        String json = "{\"execute\":\"" + command + "\",\"arguments\":" + arguments + "}";
        String reply = connection.callGuestAgent(command + " in VM " + vmId, c ->
                domains.vm(c, vmId).qemuAgentCommand(json, AGENT_TIMEOUT_SECONDS, 0));
        try {
            return AgentJson.returnValue(reply);
        } catch (IllegalArgumentException e) {
            throw new DriverException(DriverError.GUEST_UNAVAILABLE, command + ": unreadable agent reply", e);
        }
    }

    private static void check(GuestCommandResult result, String what) {
        if (result.exitCode() != 0) {
            throw new DriverException(DriverError.GUEST_UNAVAILABLE, what + " failed in the guest (exit "
                    + result.exitCode() + "): " + result.stderr().trim());
        }
    }

    private record Output(String text, boolean truncated) {
    }

    private static Output output(Map<String, Object> status, String dataKey, String truncatedKey) {
        byte[] data = Base64.getDecoder().decode(String.valueOf(status.getOrDefault(dataKey, "")));
        boolean truncated = Boolean.TRUE.equals(status.get(truncatedKey)) || data.length > OUTPUT_LIMIT;
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        kept.write(data, 0, Math.min(data.length, OUTPUT_LIMIT));
        return new Output(kept.toString(StandardCharsets.UTF_8), truncated);
    }

    private static String jsonList(List<String> values) {
        return values.stream().map(AgentJson::quote).reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
