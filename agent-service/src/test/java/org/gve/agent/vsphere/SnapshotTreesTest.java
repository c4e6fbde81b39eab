package org.gve.agent.vsphere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vmware.vim25.VirtualMachineSnapshotInfo;
import com.vmware.vim25.VirtualMachineSnapshotTree;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotTreesTest {
    @Test
    void namesDepthFirstAndFindsByName() {
        VirtualMachineSnapshotTree base = tree("base", "snapshot-1", tree("patched", "snapshot-2", tree("tested", "snapshot-3")));
        VirtualMachineSnapshotTree other = tree("other", "snapshot-4");
        VirtualMachineSnapshotInfo info = new VirtualMachineSnapshotInfo();
        info.setRootSnapshotList(new VirtualMachineSnapshotTree[] {base, other});
        assertEquals(List.of("base", "patched", "tested", "other"), SnapshotTrees.names(info));
        assertEquals("snapshot-3", SnapshotTrees.find(info, "tested").orElseThrow().getSnapshot().getVal());
        assertTrue(SnapshotTrees.find(info, "missing").isEmpty());
    }

    @Test
    void noSnapshots() {
        assertEquals(List.of(), SnapshotTrees.names(null));
        assertEquals(List.of(), SnapshotTrees.names(new VirtualMachineSnapshotInfo()));
        assertTrue(SnapshotTrees.find(null, "x").isEmpty());
    }

    private static VirtualMachineSnapshotTree tree(String name, String ref, VirtualMachineSnapshotTree... children) {
        VirtualMachineSnapshotTree tree = new VirtualMachineSnapshotTree();
        tree.setName(name);
        tree.setSnapshot(VimClient.ref("VirtualMachineSnapshot", ref));
        tree.setChildSnapshotList(children.length == 0 ? null : children);
        return tree;
    }
}
