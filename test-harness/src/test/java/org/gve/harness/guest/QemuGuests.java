package org.gve.harness.guest;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;

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

/**
 * Real QEMU guests for the end-to-end suites, made from the files of deploy/scripts/setup-libvirt.sh (the tiny
 * busybox guest with qemu-ga) and setup-guest-jvm.sh (a kernel whose init runs a host jar with the host's JVM
 * from read-only 9p shares of the host's /usr, the script's minimal etc and the jar's directory, nothing else of
 * the host): under {@code /var/lib/libvirt/images/gve-it-XXXXXXXX/} a transient
 * directory pool with a copy of the tiny guest's base disk, a world-writable directory for serial logs (a session
 * daemon runs QEMU as another user), a directory for InstallService credentials, and template domains marked for
 * GVE. {@link #close()} destroys and undefines every domain whose name starts with {@link #prefix()} on every URI
 * it was told about, removes the pool and the directory, also after failed tests. Give VMs names with the prefix.
 */
public final class QemuGuests implements AutoCloseable {
    public static final String SYSTEM_URI = "qemu:///system";
    public static final Path TINY_DIR = Path.of(env("GVE_GUEST_DIR", "/var/lib/libvirt/images/gve-tiny"));
    public static final Path JVM_DIR = Path.of(env("GVE_JVM_GUEST_DIR", "/var/lib/libvirt/images/gve-jvm"));
    public static final Path SESSION_URI_FILE = Path.of("/var/lib/gve/libvirt-session.uri");
    public static final String MARKER = "GVE-GUEST-MARKER";
    private static final Logger LOG = Logger.getLogger(QemuGuests.class.getName());

    private final String prefix = "gve-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path base = Path.of("/var/lib/libvirt/images").resolve(prefix);
    private final Path pool = base.resolve("pool");
    private final Path logs = base.resolve("logs");
    private final Path credentials = base.resolve("credentials");
    private final Path templateDisk = pool.resolve(prefix + "-base.qcow2");
    private final List<String> uris = new ArrayList<>(List.of(SYSTEM_URI));

    /** Why tiny guests cannot boot here, or empty. */
    public static Optional<String> tinyGuestUnavailable() {
        for (String file : List.of("vmlinux", "initramfs.cpio.gz", "template.qcow2")) {
            if (!Files.isReadable(TINY_DIR.resolve(file))) {
                return Optional.of("no tiny guest at " + TINY_DIR + " (missing " + file + "): run deploy/scripts/setup-libvirt.sh");
            }
        }
        return answers(SYSTEM_URI) ? Optional.empty()
                : Optional.of("no libvirtd answers at " + SYSTEM_URI + ": run deploy/scripts/setup-libvirt.sh");
    }

    /** Why guests running a host jar cannot boot here, or empty. */
    public static Optional<String> jvmGuestUnavailable() {
        for (String file : List.of("vmlinux", "initramfs.cpio.gz", "etc/passwd")) {
            if (!Files.isReadable(JVM_DIR.resolve(file))) {
                return Optional.of("no guest-jvm kernel at " + JVM_DIR + " (missing " + file + "): run deploy/scripts/setup-guest-jvm.sh");
            }
        }
        return tinyGuestUnavailable();
    }

    /** The session daemon's URI (deploy/scripts/setup-libvirt-session.sh), when it answers. */
    public static Optional<String> sessionUri() {
        String property = System.getProperty("gve.it.libvirt.sessionUri");
        Optional<String> uri;
        if (property != null && !property.isBlank()) {
            uri = Optional.of(property.trim());
        } else {
            try {
                uri = Files.isReadable(SESSION_URI_FILE) ? Optional.of(Files.readString(SESSION_URI_FILE).trim())
                        .filter(s -> !s.isEmpty()) : Optional.empty();
            } catch (IOException e) {
                uri = Optional.empty();
            }
        }
        return uri.filter(QemuGuests::answers);
    }

    public static boolean answers(String uri) {
        try {
            new Connect(uri).close();
            return true;
        } catch (LibvirtException | RuntimeException e) {
            return false;
        }
    }

    public QemuGuests() {
        try {
            Files.createDirectories(pool);
            Files.createDirectories(logs);
            Files.createDirectories(credentials);
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(pool, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.copy(TINY_DIR.resolve("template.qcow2"), templateDisk, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(templateDisk, PosixFilePermissions.fromString("rw-r--r--"));
            withConnection(SYSTEM_URI, c -> c.storagePoolCreateXML("<pool type='dir'><name>" + prefix
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

    /** Where the agent under test writes serial logs (its image directory). */
    public Path logs() {
        return logs;
    }

    /** Where the agent under test writes InstallService credentials (one directory per VM). */
    public Path credentials() {
        return credentials;
    }

    /** A directory of the host that guests must not see (this fixture's own, removed on close). */
    public Path hostOnly() {
        return base;
    }

    public Path serialLog(String vmName) {
        return logs.resolve(vmName + ".serial.log");
    }

    /** Also clean this URI on close (a migration destination). */
    public void alsoClean(String uri) {
        uris.add(uri);
    }

    /** Defines the tiny busybox guest (qemu-ga, serial marker) as a GVE template; returns its name. */
    public String defineTinyTemplate() {
        String name = prefix + "-tiny";
        define(name, "<gve:template xmlns:gve='urn:gve:libvirt:1' os='linux-busybox-tiny' arch='x86_64'/>", 128, 1,
                TINY_DIR, "console=ttyS0 quiet panic=-1", "");
        return name;
    }

    /**
     * Defines a template whose guests run {@code jar} (the InstallService) with the host's JVM, marked
     * {@code install-service='8700'} so the agent provisions each VM's credential (its own read-only share) and port
     * forward; returns its name. The guest sees, read-only, only the host's /usr, setup-guest-jvm.sh's minimal etc
     * and the jar's directory ({@code gve.root=split}).
     */
    public String defineInstallServiceTemplate(Path jar) {
        String name = prefix + "-jvm";
        Path java;
        try {
            java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : List.of(java, jar)) {
            if (!p.toString().matches("[A-Za-z0-9._/:=@+-]+")) {
                throw new IllegalStateException("path " + p + " needs %-encoding on the guest kernel command line");
            }
        }
        if (!java.startsWith("/usr/")) throw new IllegalStateException("the guest sees only the host's /usr: " + java);
        define(name, "<gve:template xmlns:gve='urn:gve:libvirt:1' os='linux-guest-jvm' arch='x86_64' install-service='8700'/>",
                512, 2, JVM_DIR, "console=ttyS0 quiet panic=-1 gve.net=static gve.ip=10.0.2.15/24 gve.gw=10.0.2.2"
                        + " gve.java=" + java + " gve.app=" + jar + " gve.onexit=stay gve.root=split",
                share(Path.of("/usr"), "hostusr") + share(JVM_DIR.resolve("etc"), "hostetc")
                        + share(jar.getParent(), "gveapp"));
        return name;
    }

    private static String share(Path source, String tag) {
        return "<filesystem type='mount' accessmode='passthrough' multidevs='remap'><source dir='" + source
                + "'/><target dir='" + tag + "'/><readonly/></filesystem>";
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

    private void define(String name, String mark, int memoryMiB, int vcpus, Path kernelDir, String cmdline,
                        String extraDevices) {
        String xml = """
                <domain type='qemu'>
                  <name>%s</name>
                  <metadata>%s</metadata>
                  <memory unit='MiB'>%d</memory>
                  <vcpu>%d</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/></features>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                    </disk>
                    %s
                    <serial type='file'><source path='%s'/><target port='0'/></serial>
                    <channel type='unix'><source mode='bind'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
                    <memballoon model='none'/>
                  </devices>
                </domain>
                """.formatted(name, mark, memoryMiB, vcpus, kernelDir.resolve("vmlinux"),
                kernelDir.resolve("initramfs.cpio.gz"), cmdline, templateDisk, extraDevices, serialLog(name));
        withConnection(SYSTEM_URI, c -> c.domainDefineXML(xml));
    }

    @Override
    public void close() {
        for (String uri : uris) {
            if (!answers(uri)) continue;
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
        try {
            withConnection(SYSTEM_URI, c -> {
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
        if (!Files.exists(base)) return;
        keepSerialLogs();
        try (Stream<Path> paths = Files.walk(base)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove " + base, e);
        }
    }

    /**
     * Copies the guests' serial logs (kernel, init and, for InstallService guests, the service's own
     * output) to target/guest-logs/PREFIX before the fixture's files go, so a failed run can be read.
     */
    private void keepSerialLogs() {
        if (!Files.isDirectory(logs)) return;
        Path kept = Path.of("target", "guest-logs", prefix);
        try (Stream<Path> files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
            throw new IllegalStateException("libvirt at " + uri + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
