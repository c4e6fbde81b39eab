package org.gve.agent.vsphere;

import com.vmware.vim25.VirtualMachineSnapshotInfo;
import com.vmware.vim25.VirtualMachineSnapshotTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a VM's snapshot tree: all snapshot names (depth first) and lookup by name. */
final class SnapshotTrees {
    private SnapshotTrees() {
    }

    static List<String> names(VirtualMachineSnapshotInfo info) {
        List<String> names = new ArrayList<>();
        for (VirtualMachineSnapshotTree tree : flatten(info)) {
            names.add(tree.getName());
        }
        return names;
    }

    /** The snapshot called {@code name}; the first in depth-first order if vSphere holds several. */
    static Optional<VirtualMachineSnapshotTree> find(VirtualMachineSnapshotInfo info, String name) {
        return flatten(info).stream().filter(t -> name.equals(t.getName())).findFirst();
    }

    private static List<VirtualMachineSnapshotTree> flatten(VirtualMachineSnapshotInfo info) {
        List<VirtualMachineSnapshotTree> all = new ArrayList<>();
        if (info != null) {
            add(info.getRootSnapshotList(), all);
        }
        return all;
    }

    private static void add(VirtualMachineSnapshotTree[] trees, List<VirtualMachineSnapshotTree> all) {
        if (trees == null) {
            return;
        }
        for (VirtualMachineSnapshotTree tree : trees) {
            all.add(tree);
            add(tree.getChildSnapshotList(), all);
        }
    }
}
