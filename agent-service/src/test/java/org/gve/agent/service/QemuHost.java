package org.gve.agent.service;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A template on the real qemu:///system daemon, made from the tiny guest of deploy/scripts/setup-libvirt.sh: a
 * transient directory pool holding a copy of the guest's base disk, a template domain, a directory for serial logs.
 * {@link #close()} destroys and undefines every domain whose name starts with {@link #prefix()}, removes the pool's
 * volumes, the pool and the directory, also after failed tests.
 */
final class QemuHost implements AutoCloseable {
    static final String URI = "qemu:///system";
    static final Path GUEST_DIR = Path.of(Optional.ofNullable(System.getenv("GVE_GUEST_DIR"))
            .orElse("/var/lib/libvirt/images/gve-tiny"));
    private static final Logger LOG = Logger.getLogger(QemuHost.class.getName());

    private final String prefix = "gve-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path base = Path.of("/var/lib/libvirt/images").resolve(prefix);
    private final Path pool = base.resolve("pool");
    private final Path logs = base.resolve("logs");

    /** Why the real-QEMU tests cannot run here, or empty. */
    static Optional<String> unavailable() {
        for (String file : List.of("vmlinux", "initramfs.cpio.gz", "template.qcow2")) {
            if (!Files.isReadable(GUEST_DIR.resolve(file))) {
                return Optional.of("no tiny guest at " + GUEST_DIR + " (missing " + file + "): run deploy/scripts/setup-libvirt.sh");
            }
        }
        try {
            new Connect(URI).close();
            return Optional.empty();
        } catch (LibvirtException | RuntimeException e) {
            return Optional.of("no libvirtd answers at " + URI + ": run deploy/scripts/setup-libvirt.sh");
        }
    }

    QemuHost() {
        try {
            Files.createDirectories(pool);
            Files.createDirectories(logs);
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path disk = pool.resolve(prefix + "-template.qcow2");
            Files.copy(GUEST_DIR.resolve("template.qcow2"), disk, StandardCopyOption.REPLACE_EXISTING);
            withConnection(c -> {
                c.storagePoolCreateXML("<pool type='dir'><name>" + prefix + "</name><target><path>" + pool
                        + "</path></target></pool>", 0);
                c.domainDefineXML(domainXml(templateName(), true, disk));
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

    Path logs() {
        return logs;
    }

    Path base() {
        return base;
    }

    /** The XML of a domain booting the tiny guest: a template (marked for GVE) or a plain domain. */
    String domainXml(String name, boolean template, Path disk) {
        String mark = template
                ? "<metadata><gve:template xmlns:gve='urn:gve:libvirt:1' os='linux-busybox-tiny' arch='x86_64'/></metadata>"
                : "";
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  %s
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
                """.formatted(name, mark, GUEST_DIR.resolve("vmlinux"), GUEST_DIR.resolve("initramfs.cpio.gz"), disk,
                logs.resolve(name + ".serial.log"));
    }

    /** The tiny guest's serial log shows its marker. */
    boolean guestIsUp(String vmName) {
        Path log = logs.resolve(vmName + ".serial.log");
        try {
            return Files.exists(log) && new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1)
                    .contains("GVE-GUEST-MARKER");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            withConnection(c -> {
                for (Domain d : c.listAllDomains(0)) {
                    if (!d.getName().startsWith(prefix)) continue;
                    try {
                        if (d.isActive() == 1) d.destroy();
                        if (d.isPersistent() == 1) d.undefine(Domain.UndefineFlags.MANAGED_SAVE
                                | Domain.UndefineFlags.SNAPSHOTS_METADATA);
                    } catch (LibvirtException e) {
                        LOG.log(Level.WARNING, "cleanup of domain " + d.getName() + " failed", e);
                    }
                }
                for (String name : c.listStoragePools()) {
                    if (!name.equals(prefix)) continue;
                    StoragePool p = c.storagePoolLookupByName(name);
                    for (String volume : p.listVolumes()) p.storageVolLookupByName(volume).delete(0);
                    p.destroy();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cleanup on " + URI + " failed", e);
        }
        if (!Files.exists(base)) return;
        try (Stream<Path> paths = Files.walk(base)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove " + base, e);
        }
    }

    @FunctionalInterface
    interface Work {
        void run(Connect c) throws LibvirtException;
    }

    static void withConnection(Work work) {
        try {
            Connect c = new Connect(URI);
            try {
                work.run(c);
            } finally {
                c.close();
            }
        } catch (LibvirtException e) {
            throw new IllegalStateException("libvirt at " + URI + ": " + e.getMessage(), e);
        }
    }
}
