package org.gve.agent.libvirt;

import org.w3c.dom.Element;

/** Sets a domain's vCPUs and memory in its XML; null keeps the current value. */
final class ResizeDomainXml {
    private ResizeDomainXml() {
    }

    static String apply(String domainXml, Integer vcpus, Long memoryMiB) {
        var doc = Xml.parse(domainXml);
        apply(doc.getDocumentElement(), vcpus, memoryMiB);
        return Xml.serialize(doc);
    }

    static void apply(Element domain, Integer vcpus, Long memoryMiB) {
        if (vcpus != null) {
            Element vcpu = Xml.childOrNew(domain, "vcpu");
            vcpu.removeAttribute("current");
            vcpu.setTextContent(Integer.toString(vcpus));
            // per-vCPU hotplug state and a fixed topology would contradict the new count
            Xml.removeAll(Xml.children(domain, "vcpus"));
            Xml.child(domain, "cpu").flatMap(cpu -> Xml.child(cpu, "topology")).ifPresent(topology -> {
                topology.setAttribute("sockets", Integer.toString(vcpus));
                topology.setAttribute("cores", "1");
                topology.setAttribute("threads", "1");
                topology.removeAttribute("dies");
            });
        }
        if (memoryMiB != null) {
            for (String name : new String[] {"memory", "currentMemory"}) {
                Element memory = Xml.childOrNew(domain, name);
                memory.setAttribute("unit", "MiB");
                memory.setTextContent(Long.toString(memoryMiB));
            }
        }
    }
}
