package org.gve.agent.vsphere;

import com.vmware.vim25.DatastoreSummary;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectContent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.vsphere.soap.SoapRequest;

/**
 * The managed Datacenter's inventory, read live on every call (nothing cached), so VMs added or
 * removed outside GVE show at once: VMs and templates, hosts, datastores, resource pools.
 */
final class Inventory {
    private static final Logger LOG = Logger.getLogger(Inventory.class.getName());
    private static final String VM = "VirtualMachine";
    private static final String HOST = "HostSystem";

    private final VimClient vim;
    private final PropertyReader props;
    private final ManagedObjectReference datacenter;
    private final String datacenterName;
    private final ManagedObjectReference vmFolder;
    private final ManagedObjectReference hostFolder;

    private Inventory(VimClient vim, PropertyReader props, ManagedObjectReference datacenter, Map<String, Object> dc) {
        this.vim = vim;
        this.props = props;
        this.datacenter = datacenter;
        this.datacenterName = (String) dc.get("name");
        this.vmFolder = (ManagedObjectReference) dc.get("vmFolder");
        this.hostFolder = (ManagedObjectReference) dc.get("hostFolder");
    }

    /** The Datacenter called {@code name} (empty: the first one found). */
    static Inventory open(VimClient vim, PropertyReader props, String name) {
        List<ObjectContent> dcs = props.inside(vim.content().getRootFolder(),
                Map.of("Datacenter", List.of("name", "vmFolder", "hostFolder")));
        for (ObjectContent dc : dcs) {
            Map<String, Object> p = PropertyReader.asMap(dc);
            if (name.isEmpty() || name.equals(p.get("name"))) {
                return new Inventory(vim, props, dc.getObj(), p);
            }
        }
        throw new DriverException(DriverError.NOT_FOUND, name.isEmpty() ? "the vSphere endpoint " + vim.endpoint()
                + " has no Datacenter" : "no Datacenter '" + name + "' at " + vim.endpoint());
    }

    String datacenterName() {
        return datacenterName;
    }

    ManagedObjectReference vmFolder() {
        return vmFolder;
    }

    /** Every VM and template of the datacenter that has an id yet, with its host's name. */
    List<VmProperties> allVms() {
        List<ObjectContent> found = props.inside(datacenter, Map.of(VM, VmProperties.PATHS, HOST, List.of("name")));
        Map<ManagedObjectReference, String> hostNames = new HashMap<>();
        found.stream().filter(o -> HOST.equals(o.getObj().getType()))
                .forEach(o -> hostNames.put(o.getObj(), (String) PropertyReader.asMap(o).get("name")));
        List<VmProperties> vms = new ArrayList<>();
        for (ObjectContent o : found) {
            if (VM.equals(o.getObj().getType())) {
                Map<String, Object> p = PropertyReader.asMap(o);
                VmProperties vm = VmProperties.from(o.getObj(), p, hostNames.get(p.get("runtime.host")));
                if (vm.id() != null) {
                    vms.add(vm);
                } else {
                    LOG.fine(() -> "skipping " + o.getObj().getVal() + ": no UUID yet (being created?)");
                }
            }
        }
        return vms;
    }

    /** True when a VM or template of the datacenter is called {@code name}. */
    boolean nameTaken(String name) {
        return props.inside(datacenter, Map.of(VM, List.of("name"))).stream()
                .anyMatch(o -> name.equals(PropertyReader.asMap(o).get("name")));
    }

    /** The VM or template whose id ({@link VmProperties#id()}) is {@code id}. */
    Optional<VmProperties> byId(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            ManagedObjectReference ref = findByUuid(id, true);
            if (ref == null) {
                ref = findByUuid(id, false);
            }
            return ref == null ? Optional.empty() : Optional.of(byRef(ref)).filter(vm -> id.equalsIgnoreCase(vm.id()));
        } catch (DriverException e) {
            if (e.error() == DriverError.NOT_FOUND) {
                return Optional.empty(); // removed between the search and the read
            }
            throw e;
        }
    }

    /** Like {@link #byId} for VMs that must exist. */
    VmProperties require(String id) {
        return byId(id).orElseThrow(() -> new DriverException(DriverError.NOT_FOUND,
                "no VM with id " + id + " in datacenter " + datacenterName));
    }

    /** The VM behind a reference, read now. NOT_FOUND when it is gone. */
    VmProperties byRef(ManagedObjectReference ref) {
        Map<String, Object> p = props.of(ref, VmProperties.PATHS);
        Object host = p.get("runtime.host");
        String hostName = host instanceof ManagedObjectReference h ? (String) props.of(h, List.of("name")).get("name") : null;
        return VmProperties.from(ref, p, hostName);
    }

    List<HostInfo> hosts() {
        return props.inside(datacenter, Map.of(HOST, HostInfo.PATHS)).stream()
                .map(o -> HostInfo.from(o.getObj(), PropertyReader.asMap(o))).toList();
    }

    Optional<HostInfo> hostByName(String name) {
        return hosts().stream().filter(h -> name.equals(h.name())).findFirst();
    }

    HostInfo host(ManagedObjectReference ref) {
        return HostInfo.from(ref, props.of(ref, HostInfo.PATHS));
    }

    List<DatastoreSummary> datastores() {
        return props.inside(datacenter, Map.of("Datastore", List.of("summary"))).stream()
                .map(o -> PropertyReader.asMap(o).get("summary"))
                .filter(DatastoreSummary.class::isInstance).map(DatastoreSummary.class::cast).toList();
    }

    Optional<ManagedObjectReference> datastoreByName(String name) {
        return datastores().stream().filter(d -> name.equals(d.getName())).map(DatastoreSummary::getDatastore)
                .findFirst();
    }

    /** The root resource pool of a ComputeResource or cluster. */
    ManagedObjectReference rootPoolOf(ManagedObjectReference computeResource) {
        Object pool = props.of(computeResource, List.of("resourcePool")).get("resourcePool");
        if (pool instanceof ManagedObjectReference ref) {
            return ref;
        }
        throw new DriverException(DriverError.BACKEND_FAILURE, computeResource.getVal() + " has no resource pool");
    }

    /** The ComputeResource or cluster owning a resource pool. */
    ManagedObjectReference ownerOf(ManagedObjectReference pool) {
        Object owner = props.of(pool, List.of("owner")).get("owner");
        return owner instanceof ManagedObjectReference ref ? ref : null;
    }

    /** A resource pool by its path below the datacenter's host folder, e.g. "DC0_C0/Resources/gold". */
    ManagedObjectReference resourcePoolByPath(String path) {
        ManagedObjectReference at = hostFolder;
        for (String name : path.split("/")) {
            if (name.isEmpty()) {
                continue;
            }
            at = vim.call(vim.content().getSearchIndex(), "FindChild", ManagedObjectReference.class,
                    SoapRequest.arg("entity", "ManagedObjectReference", at), SoapRequest.arg("name", "String", name));
            if (at == null) {
                throw new DriverException(DriverError.INVALID_ARGUMENT, "no '" + name + "' on the resource pool path '"
                        + path + "' in datacenter " + datacenterName);
            }
        }
        if (!"ResourcePool".equals(at.getType())) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "'" + path + "' is a " + at.getType()
                    + ", not a ResourcePool");
        }
        return at;
    }

    private ManagedObjectReference findByUuid(String uuid, boolean instanceUuid) {
        return vim.call(vim.content().getSearchIndex(), "FindByUuid", ManagedObjectReference.class,
                SoapRequest.arg("datacenter", "ManagedObjectReference", datacenter),
                SoapRequest.arg("uuid", "String", uuid), SoapRequest.arg("vmSearch", "boolean", Boolean.TRUE),
                SoapRequest.arg("instanceUuid", "Boolean", instanceUuid));
    }
}
