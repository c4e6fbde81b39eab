package org.gve.agent.libvirt;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.MigrationTarget;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Domain.DomainMigrateParameters;
import org.libvirt.Domain.MigrateFlags;
import org.libvirt.LibvirtException;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;

/**
 * Moves a VM to another libvirt host: live when it runs (VIR_MIGRATE_LIVE), offline when it is stopped; the
 * destination keeps it defined and this host forgets it (PERSIST_DEST | UNDEFINE_SOURCE). Disks stay where they
 * are (shared storage). Either this driver opens the destination connection (default) or, with
 * {@code migration.peer2peer=true}, the source libvirtd does (VIR_MIGRATE_PEER2PEER).
 */
final class Migrator {
    private static final Logger LOG = Logger.getLogger(Migrator.class.getName());
    private static final int XML_MIGRATABLE = Domain.XMLFlags.MIGRATABLE | Domain.XMLFlags.SECURE;

    private final Domains domains;
    private final LibvirtOptions options;

    Migrator(Domains domains, LibvirtOptions options) {
        this.domains = domains;
        this.options = options;
    }

    VmDescription migrate(Connect connect, Domain domain, MigrationTarget target) throws LibvirtException {
        if (target == null || target.hypervisorUri() == null || target.hypervisorUri().isBlank()) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "a migration target needs a hypervisor URI");
        }
        boolean live = domain.isActive() == 1;
        DomainXml current = Domains.xml(domain, 0);
        String serialLog = current.serialLog().map(log ->
                MigrationXml.destinationSerialLog(log, current.name(), destinationHost(target))).orElse("");
        String destinationXml = MigrationXml.forDestination(domain.getXMLDesc(XML_MIGRATABLE), serialLog);
        String persistentXml = MigrationXml.forDestination(
                domain.getXMLDesc(XML_MIGRATABLE | Domains.XML_INACTIVE), serialLog);
        List<TypedParameter> parameters = new ArrayList<>();
        parameters.add(new TypedStringParameter(DomainMigrateParameters.VIR_MIGRATE_PARAM_DEST_XML, destinationXml));
        parameters.add(new TypedStringParameter(DomainMigrateParameters.VIR_MIGRATE_PARAM_PERSIST_XML, persistentXml));
        if (live && target.migrationUri() != null && !target.migrationUri().isBlank()) {
            parameters.add(new TypedStringParameter(DomainMigrateParameters.VIR_MIGRATE_PARAM_URI, target.migrationUri()));
        }
        int flags = MigrateFlags.PERSIST_DEST | MigrateFlags.UNDEFINE_SOURCE
                | (live ? MigrateFlags.LIVE : MigrateFlags.OFFLINE)
                | (options.migrationUnsafe() ? MigrateFlags.UNSAFE : 0);
        TypedParameter[] params = parameters.toArray(TypedParameter[]::new);
        VmState before = domains.describe(connect, domain).state();
        if (options.migrationPeerToPeer()) {
            domain.migrateToURI(target.hypervisorUri(), params, flags | MigrateFlags.PEER2PEER);
            return describedAtSource(current, before, target);
        }
        Connect destination = new Connect(target.hypervisorUri());
        try {
            Domain moved = domain.migrate(destination, params, (long) flags);
            String host = destination.getHostName();
            return new Domains(domains.kind(), host).describe(destination, moved);
        } finally {
            try {
                destination.close();
            } catch (LibvirtException e) {
                LOG.log(Level.WARNING, "closing the migration destination " + target.hypervisorUri() + " failed", e);
            }
        }
    }

    private VmDescription describedAtSource(DomainXml xml, VmState state, MigrationTarget target) {
        return DomainXmlToVmDescription.apply(xml, domains.kind(), state, List.of(), Map.of(),
                destinationHost(target));
    }

    private static String destinationHost(MigrationTarget target) {
        if (target.hostName() != null && !target.hostName().isBlank()) return target.hostName();
        try {
            String host = URI.create(target.hypervisorUri()).getHost();
            return host == null ? "localhost" : host;
        } catch (IllegalArgumentException e) {
            return "destination";
        }
    }
}
