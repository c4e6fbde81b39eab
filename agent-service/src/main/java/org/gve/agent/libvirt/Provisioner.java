package org.gve.agent.libvirt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gve.agent.libvirt.GveMetadata.InstanceMark;
import org.gve.agent.libvirt.LibvirtOptions.DiskMode;
import org.gve.agent.libvirt.TemplateToDomainXml.NewDisk;
import org.gve.agent.libvirt.TemplateToDomainXml.NewDomain;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.VmSpec;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * Creates, clones and deletes domains together with their disks, which live as volumes in libvirt storage
 * pools (the "disk database"). A failed create or clone removes the volumes it already made.
 * Callers hold the connection's lock.
 */
final class Provisioner {
    private static final Logger LOG = Logger.getLogger(Provisioner.class.getName());
    private static final int UNDEFINE_MANAGED_SAVE = Domain.UndefineFlags.MANAGED_SAVE;
    private static final int UNDEFINE_SNAPSHOTS_METADATA = Domain.UndefineFlags.SNAPSHOTS_METADATA;

    private final Domains domains;
    private final LibvirtOptions options;
    private final Path imageDirectory;
    /** Domain type for new domains (kvm or qemu), or null to keep the template's (Xen). */
    private final String domainType;

    Provisioner(Domains domains, LibvirtOptions options, Path imageDirectory, String domainType) {
        this.domains = domains;
        this.options = options;
        this.imageDirectory = imageDirectory;
        this.domainType = domainType;
    }

    Domain create(Connect connect, VmSpec spec) throws LibvirtException {
        Domain template = domains.template(connect, spec.templateId());
        requireFreeName(connect, spec.name());
        DomainXml templateXml = Domains.xml(template, Domains.XML_INACTIVE);
        if (templateXml.disks().isEmpty()) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "template '" + spec.templateId() + "' has no disk");
        }
        List<StorageVol> made = new ArrayList<>();
        try {
            Map<String, NewDisk> disks = new HashMap<>();
            for (int i = 0; i < templateXml.disks().size(); i++) {
                DomainXml.Disk disk = templateXml.disks().get(i);
                long minimumBytes = i == 0 ? Units.mibToBytes(spec.diskMiB()) : 0;
                StorageVol volume = newDiskFromTemplate(connect, spec.name(), disk, minimumBytes);
                made.add(volume);
                disks.put(disk.path(), new NewDisk(volume.getPath(), VolumeXml.format(volume.getXMLDesc(0))));
            }
            String os = templateXml.template().map(GveMetadata.TemplateMark::osName).orElse("");
            int installService = templateXml.template().map(GveMetadata.TemplateMark::installServicePort).orElse(0);
            String xml = TemplateToDomainXml.apply(template.getXMLDesc(Domains.XML_INACTIVE),
                    new NewDomain(spec.name(), domainType, spec.vcpus(), spec.memoryMiB(), disks,
                            serialLog(spec.name()), new InstanceMark(spec.templateId(), os, false, installService)));
            return connect.domainDefineXML(xml);
        } catch (LibvirtException | RuntimeException e) {
            deleteQuietly(made);
            throw e;
        }
    }

    Domain cloneVm(Connect connect, Domain source, String newName) throws LibvirtException {
        if (source.isActive() == 1 || source.hasManagedSaveImage() == 1) {
            throw new DriverException(DriverError.INVALID_STATE, "VM " + source.getUUIDString()
                    + " must be stopped (not running, suspended or saved) to be cloned");
        }
        requireFreeName(connect, newName);
        DomainXml sourceXml = Domains.xml(source, Domains.XML_INACTIVE);
        List<StorageVol> made = new ArrayList<>();
        try {
            Map<String, NewDisk> disks = new HashMap<>();
            for (DomainXml.Disk disk : sourceXml.disks()) {
                StorageVol from = poolVolume(connect, disk);
                String format = VolumeXml.format(from.getXMLDesc(0));
                StorageVol copy = targetPool(from).storageVolCreateXMLFrom(VolumeXml.copy(
                        volumeName(newName, disk, format), from.getInfo().capacity, format, options.diskPermissions()),
                        from, 0);
                made.add(copy);
                disks.put(disk.path(), new NewDisk(copy.getPath(), format));
            }
            InstanceMark origin = sourceXml.instance().orElse(new InstanceMark("", "", false));
            String xml = TemplateToDomainXml.apply(source.getXMLDesc(Domains.XML_INACTIVE),
                    new NewDomain(newName, null, null, null, disks, serialLog(newName),
                            new InstanceMark(origin.templateId(), origin.osName(), false,
                                    origin.installServicePort())));
            return connect.domainDefineXML(xml);
        } catch (LibvirtException | RuntimeException e) {
            deleteQuietly(made);
            throw e;
        }
    }

    /** Powers off, undefines (with snapshot metadata and managed-save image) and deletes the VM's own volumes. */
    void delete(Connect connect, Domain domain) throws LibvirtException {
        String uuid = domain.getUUIDString();
        DomainXml xml = Domains.xml(domain, Domains.XML_INACTIVE);
        if (domain.isActive() == 1) domain.destroy();
        if (domain.isPersistent() == 1) domain.undefine(UNDEFINE_MANAGED_SAVE | UNDEFINE_SNAPSHOTS_METADATA);
        for (DomainXml.Disk disk : xml.disks()) {
            List<String> users = domains.usersOf(connect, disk.path(), uuid);
            if (!users.isEmpty()) {
                LOG.info(() -> "keeping " + disk.path() + " of deleted VM " + uuid + ": also used by " + users);
                continue;
            }
            var volume = Domains.volume(connect, disk.path());
            if (volume.isPresent()) {
                volume.get().delete(0);
            } else {
                LOG.info(() -> "not deleting " + disk.path() + " of VM " + uuid + ": not a volume of a storage pool here");
            }
        }
    }

    private StorageVol newDiskFromTemplate(Connect connect, String vmName, DomainXml.Disk disk, long minimumBytes)
            throws LibvirtException {
        StorageVol base = poolVolume(connect, disk);
        String baseFormat = VolumeXml.format(base.getXMLDesc(0));
        long capacity = Math.max(base.getInfo().capacity, minimumBytes);
        StoragePool pool = targetPool(base);
        if (options.diskMode() == DiskMode.OVERLAY) {
            return pool.storageVolCreateXML(VolumeXml.overlay(volumeName(vmName, disk, "qcow2"), capacity,
                    base.getPath(), baseFormat, options.diskPermissions()), 0);
        }
        return pool.storageVolCreateXMLFrom(VolumeXml.copy(volumeName(vmName, disk, baseFormat), capacity, baseFormat,
                options.diskPermissions()), base, 0);
    }

    private static StorageVol poolVolume(Connect connect, DomainXml.Disk disk) throws LibvirtException {
        return Domains.volume(connect, disk.path()).orElseThrow(() -> new DriverException(DriverError.INVALID_ARGUMENT,
                "disk " + disk.path() + " is not a volume of an active storage pool, so it cannot be copied"));
    }

    private StoragePool targetPool(StorageVol source) throws LibvirtException {
        if (options.storagePool().isPresent()) {
            return source.getConnect().storagePoolLookupByName(options.storagePool().get());
        }
        return source.storagePoolLookupByVolume();
    }

    private void requireFreeName(Connect connect, String name) throws LibvirtException {
        if (domains.nameTaken(connect, name)) {
            throw new DriverException(DriverError.ALREADY_EXISTS, "a domain named '" + name + "' already exists");
        }
    }

    private String serialLog(String vmName) {
        return imageDirectory.resolve(vmName + ".serial.log").toString();
    }

    private static String volumeName(String vmName, DomainXml.Disk disk, String format) {
        String device = disk.target().isEmpty() ? "disk" : disk.target();
        return vmName + "-" + device + ("qcow2".equals(format) ? ".qcow2" : ".img");
    }

    private static void deleteQuietly(List<StorageVol> volumes) {
        for (StorageVol volume : volumes) {
            try {
                volume.delete(0);
            } catch (LibvirtException e) {
                LOG.log(Level.WARNING, "could not remove a volume left by a failed create", e);
            }
        }
    }
}
