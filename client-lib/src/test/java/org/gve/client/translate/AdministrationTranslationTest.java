package org.gve.client.translate;

import org.gve.client.model.Agent;
import org.gve.client.model.AgentHealth;
import org.gve.client.model.Hypervisor;
import org.gve.client.model.Quota;
import org.gve.client.model.Role;
import org.gve.client.model.SiteCapacity;
import org.gve.client.model.Usage;
import org.gve.client.model.User;
import org.gve.glue.HypervisorType;
import org.gve.wsdl.runtime.XmlTimes;
import org.gve.wsdl.site.AgentInfo;
import org.gve.wsdl.site.ResourceUse;
import org.gve.wsdl.site.UsageRecord;
import org.gve.wsdl.site.UserInfo;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AdministrationTranslationTest {
    static final Instant T = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void wsdlToAgent() {
        AgentInfo w = new AgentInfo();
        w.setName("kvm-1");
        w.setEndpointURL(" http://host:8080/agent ");
        w.setHypervisorType(HypervisorType.KVM);
        w.setHealth(org.gve.wsdl.site.AgentHealth.DOWN);
        w.setHealthDetail("timeout");
        w.setLastSeen(XmlTimes.toXml(T));
        w.setVCpusTotal(8);
        w.setVCpusFree(6);
        w.setMemoryMiBTotal(16384L);
        w.setMemoryMiBFree(8192L);
        w.setVirtualMachineCount(2);
        Agent a = WsdlToAgent.apply(w);
        assertEquals(new Agent("kvm-1", URI.create("http://host:8080/agent"), Hypervisor.KVM, AgentHealth.DOWN,
                "timeout", T, 8, 6, 16384L, 8192L, 2), a);
        for (org.gve.wsdl.site.AgentHealth h : org.gve.wsdl.site.AgentHealth.values()) {
            assertEquals(h.name(), WsdlToAgent.health(h).name());
        }
        assertEquals(AgentHealth.UNKNOWN, WsdlToAgent.health(null));
    }

    @Test
    void wsdlToUserWithQuotaAndUse() {
        UserInfo w = new UserInfo();
        w.setUserName("bob");
        w.setRole(org.gve.wsdl.site.Role.ADMINISTRATOR);
        org.gve.wsdl.site.Quota q = new org.gve.wsdl.site.Quota();
        q.setMaxVirtualMachines(3);
        q.setMaxLeaseSeconds(7200L);
        w.setQuota(q);
        ResourceUse r = new ResourceUse();
        r.setVirtualMachines(1);
        r.setVCpus(2);
        r.setMemoryMiB(1024);
        r.setDiskMiB(4096);
        w.setInUse(r);
        User u = WsdlToUser.apply(w);
        assertEquals("bob", u.name());
        assertEquals(Role.ADMINISTRATOR, u.role());
        assertEquals(new Quota(3, null, null, null, Duration.ofHours(2)), u.quota());
        assertEquals(new org.gve.client.model.ResourceUse(1, 2, 1024, 4096), u.inUse());
        assertEquals(Quota.siteDefaults(), WsdlToUser.quota(null));
        assertNull(WsdlToUser.resourceUse(null));
    }

    @Test
    void quotaAndRoleToWsdl() {
        org.gve.wsdl.site.Quota w = QuotaToWsdl.apply(new Quota(2, 4, 2048L, null, Duration.ofMinutes(90)));
        assertEquals(2, w.getMaxVirtualMachines());
        assertEquals(4, w.getMaxVCpus());
        assertEquals(2048L, w.getMaxMemoryMiB());
        assertNull(w.getMaxDiskMiB());
        assertEquals(5400L, w.getMaxLeaseSeconds());
        assertNull(QuotaToWsdl.apply(null));
        for (Role r : Role.values()) assertEquals(r.name(), RoleToWsdl.apply(r).name());
        for (org.gve.wsdl.site.Role r : org.gve.wsdl.site.Role.values()) assertEquals(r.name(), WsdlToUser.role(r).name());
    }

    @Test
    void wsdlToUsageAndCapacity() {
        UsageRecord w = new UsageRecord();
        w.setUserName("alice");
        w.setFrom(XmlTimes.toXml(T));
        w.setTo(XmlTimes.toXml(T.plusSeconds(3600)));
        w.setVirtualMachineHours(1);
        w.setVCpuHours(2);
        w.setMemoryMiBHours(512);
        assertEquals(new Usage("alice", T, T.plusSeconds(3600), 1, 2, 512), WsdlToUsage.apply(w));

        org.gve.wsdl.site.SiteCapacity c = new org.gve.wsdl.site.SiteCapacity();
        c.setAgentsUp(2);
        c.setAgentsDown(1);
        c.setVCpusTotal(32);
        c.setVCpusFree(20);
        c.setMemoryMiBTotal(65536);
        c.setMemoryMiBFree(30000);
        SiteCapacity d = WsdlToCapacity.apply(c);
        assertEquals(new SiteCapacity(2, 1, 32, 20, 65536, 30000, new org.gve.client.model.ResourceUse(0, 0, 0, 0)), d);
    }

    @Test
    void wsdlToGuestFileAndFault() {
        org.gve.wsdl.common.FileInfo f = new org.gve.wsdl.common.FileInfo();
        f.setPath("/tmp/x");
        f.setSize(5);
        f.setMode("0644");
        f.setSha256(" ABCDEF ");
        assertEquals(new org.gve.client.model.GuestFile("/tmp/x", 5, "0644", "abcdef"), WsdlToGuestFile.apply(f));
        assertNull(WsdlToFault.apply(null));
        assertEquals("UNKNOWN", WsdlToFault.apply(org.gve.wsdl.runtime.Faults.detail("", "m")).code());
        assertEquals("", WsdlToFault.apply(org.gve.wsdl.runtime.Faults.detail("C", null)).message());
    }
}
