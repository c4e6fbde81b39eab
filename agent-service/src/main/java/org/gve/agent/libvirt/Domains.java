package org.gve.agent.libvirt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.TemplateDescription;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;

/**
 * Finding and describing domains on one connection: VMs by UUID, templates by name. A template is never a
 * VM: looking one up as a VM answers NOT_FOUND. Callers hold the connection's lock.
 */
final class Domains {
    static final int XML_INACTIVE = Domain.XMLFlags.INACTIVE;
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
            + "[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private final HypervisorKind kind;
    private final String hostName;

    Domains(HypervisorKind kind, String hostName) {
        this.kind = kind;
        this.hostName = hostName;
    }

    String hostName() {
        return hostName;
    }

    HypervisorKind kind() {
        return kind;
    }

    /** The VM with this id (domain UUID); NOT_FOUND for unknown ids and for templates. */
    Domain vm(Connect connect, String vmId) throws LibvirtException {
        return findVm(connect, vmId).orElseThrow(() -> notFound(vmId));
    }

    Optional<Domain> findVm(Connect connect, String vmId) throws LibvirtException {
        if (vmId == null || !UUID.matcher(vmId).matches()) return Optional.empty();
        Optional<Domain> domain = lookup(() -> connect.domainLookupByUUIDString(vmId));
        return domain.filter(d -> !isTemplate(d));
    }

    /** The template with this id (domain name); NOT_FOUND for unknown names and for domains that are VMs. */
    Domain template(Connect connect, String templateId) throws LibvirtException {
        Optional<Domain> domain = templateId == null ? Optional.empty()
                : lookup(() -> connect.domainLookupByName(templateId));
        return domain.filter(this::isTemplate).orElseThrow(() -> new DriverException(DriverError.NOT_FOUND,
                "no template '" + templateId + "' on " + hostName));
    }

    boolean nameTaken(Connect connect, String name) throws LibvirtException {
        return lookup(() -> connect.domainLookupByName(name)).isPresent();
    }

    List<Domain> all(Connect connect) throws LibvirtException {
        return Arrays.asList(connect.listAllDomains(0));
    }

    static DomainXml xml(Domain domain, int flags) throws LibvirtException {
        return DomainXml.parse(domain.getXMLDesc(flags));
    }

    VmDescription describe(Connect connect, Domain domain) throws LibvirtException {
        DomainXml xml = xml(domain, 0);
        boolean neverStarted = xml.instance().map(mark -> !mark.started()).orElse(false);
        VmState state = DomainStateToVmState.apply(domain.getInfo().state, domain.hasManagedSaveImage() == 1,
                neverStarted);
        return DomainXmlToVmDescription.apply(xml, kind, state, snapshotNames(domain), diskSizes(connect, xml),
                hostName);
    }

    TemplateDescription describeTemplate(Connect connect, Domain domain) throws LibvirtException {
        DomainXml xml = xml(domain, XML_INACTIVE);
        long diskMiB = xml.disks().isEmpty() ? 0 : diskSizes(connect, xml).getOrDefault(xml.disks().get(0).path(), 0L);
        return DomainXmlToTemplateDescription.apply(xml, kind, diskMiB);
    }

    /** Snapshot names; none when the hypervisor has no snapshots (Xen/libxl). */
    static List<String> snapshotNames(Domain domain) throws LibvirtException {
        try {
            return List.of(domain.snapshotListNames());
        } catch (LibvirtException e) {
            if (LibvirtErrors.translate(e, "listing snapshots").error() == DriverError.UNSUPPORTED) return List.of();
            throw e;
        }
    }

    /** Capacity in MiB of each disk that is a storage volume, by path. */
    static Map<String, Long> diskSizes(Connect connect, DomainXml xml) throws LibvirtException {
        Map<String, Long> sizes = new HashMap<>();
        for (DomainXml.Disk disk : xml.disks()) {
            volume(connect, disk.path()).ifPresent(v -> sizes.put(disk.path(), capacityMiB(v)));
        }
        return sizes;
    }

    /** The storage volume at this path; empty when the file is not in any (active) pool. */
    static Optional<StorageVol> volume(Connect connect, String path) throws LibvirtException {
        return lookup(() -> connect.storageVolLookupByPath(path));
    }

    /** Domains other than {@code except} whose disks include {@code path}. */
    List<String> usersOf(Connect connect, String path, String except) throws LibvirtException {
        List<String> users = new ArrayList<>();
        for (Domain d : all(connect)) {
            if (d.getUUIDString().equals(except)) continue;
            if (xml(d, XML_INACTIVE).disks().stream().anyMatch(disk -> disk.path().equals(path))) users.add(d.getName());
        }
        return users;
    }

    boolean isTemplate(Domain domain) {
        try {
            return xml(domain, XML_INACTIVE).isTemplate();
        } catch (LibvirtException e) {
            throw LibvirtErrors.translate(e, "reading domain XML");
        }
    }

    DriverException notFound(String vmId) {
        return new DriverException(DriverError.NOT_FOUND, "no VM with id '" + vmId + "' on " + hostName);
    }

    private static long capacityMiB(StorageVol volume) {
        try {
            return Units.bytesToMiB(volume.getInfo().capacity);
        } catch (LibvirtException e) {
            throw LibvirtErrors.translate(e, "reading volume size");
        }
    }

    /** A libvirt lookup. */
    @FunctionalInterface
    private interface Lookup<T> {
        T find() throws LibvirtException;
    }

    /** A lookup that answers empty instead of a NOT_FOUND failure. */
    private static <T> Optional<T> lookup(Lookup<T> lookup) throws LibvirtException {
        try {
            return Optional.of(lookup.find());
        } catch (LibvirtException e) {
            if (LibvirtErrors.translate(e, "lookup").error() == DriverError.NOT_FOUND) return Optional.empty();
            throw e;
        }
    }
}
