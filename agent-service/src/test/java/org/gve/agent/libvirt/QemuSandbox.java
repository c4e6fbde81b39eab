package org.gve.agent.libvirt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;

/**
 * Real QEMU guests for tests, on qemu:///system, all named with a fresh {@link #prefix()}: under
 * {@code /var/lib/libvirt/images/PREFIX/} a transient directory pool (named PREFIX) holding a copy of the tiny
 * guest's base disk, and a world-writable directory for serial logs (a session daemon runs QEMU as another user).
 * {@link #close()} destroys and undefines every domain whose name starts with the prefix on every URI it was told
 * about, removes the pool and the directory, also after failed tests. Give VMs names with the prefix.
 */
public final class QemuSandbox implements AutoCloseable {
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");
    private static final Logger LOG = Logger.getLogger(QemuSandbox.class.getName());

    private final String prefix = "gve-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path root = IMAGES.resolve(prefix);
    private final Path pool = root.resolve("pool");
    private final Path logs = root.resolve("logs");
    private final Path baseDisk = pool.resolve(prefix + "-base.qcow2");
    private final List<String> uris = new ArrayList<>(List.of(LibvirtDaemons.SYSTEM_URI));
    private Optional<Path> keptLogs = Optional.empty();

    public QemuSandbox() {
        try {
            Files.createDirectories(pool);
            Files.createDirectories(logs);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(pool, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.copy(TinyGuest.BASE_DISK, baseDisk, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(baseDisk, PosixFilePermissions.fromString("rw-r--r--"));
            withConnection(LibvirtDaemons.SYSTEM_URI, c -> c.storagePoolCreateXML("<pool type='dir'><name>" + prefix
                    + "</name><target><path>" + pool + "</path></target></pool>", 0));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public String prefix() {
        return prefix;
    }

    /** This sandbox's own directory, removed on close; guests do not see it. */
    public Path root() {
        return root;
    }

    /** Where guests' serial logs go (the image directory of an agent under test). */
    public Path logs() {
        return logs;
    }

    /** The copy of the tiny guest's base disk in the sandbox's pool. */
    public Path baseDisk() {
        return baseDisk;
    }

    public Path serialLog(String vmName) {
        return logs.resolve(vmName + ".serial.log");
    }

    /** Makes a directory {@code name} in {@link #root()} (removed on close). */
    public Path newDirectory(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Also clean this URI on close (a migration destination). */
    public void alsoClean(String uri) {
        uris.add(uri);
    }

    /** On close, copy the serial logs to {@code directory} before the sandbox's files go, so a failed run can be read. */
    public void keepSerialLogsIn(Path directory) {
        keptLogs = Optional.of(directory);
    }

    /** The tiny guest named {@code name} on the base disk: a GVE template or, with {@code template} false, a plain domain. */
    public GuestDomainXml tinyGuest(String name, boolean template) {
        return TinyGuest.domain(name, template, baseDisk, serialLog(name));
    }

    /** Defines the tiny busybox guest (qemu-ga, serial marker) as a GVE template; returns its name. */
    public String defineTinyTemplate() {
        String name = prefix + "-tiny";
        define(tinyGuest(name, true));
        return name;
    }

    public void define(GuestDomainXml domain) {
        withConnection(LibvirtDaemons.SYSTEM_URI, c -> c.domainDefineXML(domain.toXml()));
    }

    /** Whether the serial log of {@code vmName} holds {@code text}. */
    public boolean serialShows(String vmName, String text) {
        Path log = serialLog(vmName);
        try {
            return Files.exists(log) && new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The end of a serial log, for failure messages. */
    public String serialTail(String vmName) {
        try {
            Path log = serialLog(vmName);
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "(no serial log)";
            return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        for (String uri : uris) {
            if (LibvirtDaemons.answers(uri)) removeDomains(uri);
        }
        removePool();
        if (!Files.exists(root)) return;
        keptLogs.ifPresent(this::copySerialLogs);
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove " + root, e);
        }
    }

    private void removeDomains(String uri) {
        try {
            withConnection(uri, c -> {
                for (Domain d : c.listAllDomains(0)) {
                    if (!d.getName().startsWith(prefix)) continue;
                    try {
                        if (d.isActive() == 1) d.destroy();
                        if (d.isPersistent() == 1) d.undefine(Domain.UndefineFlags.MANAGED_SAVE
                                | Domain.UndefineFlags.SNAPSHOTS_METADATA);
                    } catch (LibvirtException e) {
                        LOG.log(Level.WARNING, "cleanup of domain " + d.getName() + " on " + uri + " failed", e);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cleanup on " + uri + " failed", e);
        }
    }

    private void removePool() {
        try {
            withConnection(LibvirtDaemons.SYSTEM_URI, c -> {
                for (String name : c.listStoragePools()) {
                    if (!name.equals(prefix)) continue;
                    StoragePool p = c.storagePoolLookupByName(name);
                    for (String volume : p.listVolumes()) p.storageVolLookupByName(volume).delete(0);
                    p.destroy();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cleanup of pool " + prefix + " failed", e);
        }
    }

    private void copySerialLogs(Path kept) {
        if (!Files.isDirectory(logs)) return;
        try (Stream<Path> files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not keep the serial logs in " + kept, e);
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(Connect c) throws LibvirtException;
    }

    private static void withConnection(String uri, Work work) {
        try {
            Connect c = new Connect(uri);
            try {
                work.run(c);
            } finally {
                c.close();
            }
        } catch (LibvirtException e) {
            throw LibvirtErrors.translate(e, "test sandbox on " + uri);
        }
    }
}
