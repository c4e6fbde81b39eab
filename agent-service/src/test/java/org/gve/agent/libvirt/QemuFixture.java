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
 * What the real-QEMU tests need, made from the tiny guest files of deploy/scripts/setup-libvirt.sh and removed
 * again by {@link #close()}: a transient directory pool holding a copy of the guest's base disk, a template
 * domain marked for GVE, and a world-writable directory for serial logs (the session daemon of the migration test
 * runs QEMU as another user). Every domain whose name starts with {@link #prefix()} is destroyed and undefined on
 * close, on every URI given, also after failed tests.
 */
final class QemuFixture implements AutoCloseable {
    static final String SYSTEM_URI = "qemu:///system";
    static final String MARKER = "GVE-GUEST-MARKER";
    private static final Logger LOG = Logger.getLogger(QemuFixture.class.getName());

    private final String prefix = "gve-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path base;
    private final Path poolDir;
    private final Path logDir;
    private final List<String> uris = new ArrayList<>(List.of(SYSTEM_URI));

    /** Why real-QEMU tests cannot run here, or empty when they can. */
    static Optional<String> unavailableReason(Path guestDir) {
        for (String file : List.of("vmlinux", "initramfs.cpio.gz", "template.qcow2")) {
            if (!Files.isReadable(guestDir.resolve(file))) {
                return Optional.of("no tiny guest at " + guestDir + " (missing " + file
                        + "): run deploy/scripts/setup-libvirt.sh");
            }
        }
        return answers(SYSTEM_URI) ? Optional.empty() : Optional.of("no libvirtd answers at " + SYSTEM_URI
                + ": run deploy/scripts/setup-libvirt.sh");
    }

    static boolean answers(String uri) {
        LibvirtErrors.silenceDefaultErrorPrinter();
        try {
            Connect c = new Connect(uri);
            c.close();
            return true;
        } catch (LibvirtException | RuntimeException e) {
            return false;
        }
    }

    QemuFixture(Path guestDir, Path imagesRoot) {
        base = imagesRoot.resolve(prefix);
        poolDir = base.resolve("pool");
        logDir = base.resolve("logs");
        try {
            Files.createDirectories(poolDir);
            Files.createDirectories(logDir);
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(poolDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(logDir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path templateDisk = poolDir.resolve(prefix + "-template.qcow2");
            Files.copy(guestDir.resolve("template.qcow2"), templateDisk, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(templateDisk, PosixFilePermissions.fromString("rw-r--r--"));
            withConnection(SYSTEM_URI, c -> {
                c.storagePoolCreateXML("<pool type='dir'><name>" + prefix + "</name><target><path>" + poolDir
                        + "</path></target></pool>", 0);
                c.domainDefineXML(templateXml(guestDir, templateDisk));
            });
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String prefix() {
        return prefix;
    }

    String templateName() {
        return prefix + "-template";
    }

    Path logDir() {
        return logDir;
    }

    Path serialLog(String vmName) {
        return logDir.resolve(vmName + ".serial.log");
    }

    /** Also clean this URI on close (a migration destination). */
    void alsoClean(String uri) {
        uris.add(uri);
    }

    /** Whether the serial log under {@code file} shows the guest marker. */
    static boolean guestIsUp(Path file) {
        try {
            return Files.exists(file) && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                    .contains(MARKER);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (String uri : uris) {
            if (!answers(uri)) continue;
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
        }
        withConnection(SYSTEM_URI, c -> {
            for (String name : c.listStoragePools()) {
                if (!name.equals(prefix)) continue;
                StoragePool pool = c.storagePoolLookupByName(name);
                for (String volume : pool.listVolumes()) pool.storageVolLookupByName(volume).delete(0);
                pool.destroy();
            }
        });
        deleteTree(base);
    }

    private String templateXml(Path guestDir, Path disk) {
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  <metadata><gve:template xmlns:gve='urn:gve:libvirt:1' os='linux-busybox-tiny' arch='x86_64'/></metadata>
                  <memory unit='MiB'>128</memory>
                  <vcpu>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>console=ttyS0 quiet panic=-1</cmdline>
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
                    <serial type='file'><source path='%s'/><target port='0'/></serial>
                    <channel type='unix'><source mode='bind'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
                    <memballoon model='none'/>
                  </devices>
                </domain>
                """.formatted(templateName(), guestDir.resolve("vmlinux"), guestDir.resolve("initramfs.cpio.gz"), disk,
                serialLog(templateName()));
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
            throw LibvirtErrors.translate(e, "test fixture on " + uri);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove " + root, e);
        }
    }
}
