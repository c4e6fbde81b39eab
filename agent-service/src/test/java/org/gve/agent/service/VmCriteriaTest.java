package org.gve.agent.service;

import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.TemplateDescription;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VmCriteriaTest {
    private static final VmDescription WEB = new VmDescription("1b4e28ba-2fa1-11d2-883f-0016d3cca427", "web-01.prod",
            HypervisorKind.KVM, VmState.RUNNING, 2, 1024, List.of(), List.of(), "tiny-template", "host1", "debian-12",
            "x86_64");
    private static final TemplateDescription TEMPLATE = new TemplateDescription("tmpl-uuid", "tiny-template",
            HypervisorKind.KVM, "debian-12", "x86_64", 64, "qcow2");

    private static VmCriteria name(String glob) {
        return new VmCriteria(glob, null, null, null, null, null, null, null);
    }

    @Test
    void anyMatchesEverything() {
        assertTrue(VmCriteria.ANY.matches(WEB));
        assertTrue(VmCriteria.ANY.matches(TEMPLATE));
    }

    @Test
    void starMatchesAnyRunIncludingNone() {
        assertTrue(name("*").matches(WEB));
        assertTrue(name("web-*").matches(WEB));
        assertTrue(name("*.prod").matches(WEB));
        assertTrue(name("web-01.prod*").matches(WEB));
        assertFalse(name("db-*").matches(WEB));
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertTrue(name("web-0?.prod").matches(WEB));
        assertFalse(name("web-?.prod").matches(WEB));
        assertFalse(name("web-0??.prod").matches(WEB));
    }

    @Test
    void globIsAnchoredAndCaseSensitive() {
        assertFalse(name("web").matches(WEB), "no partial match");
        assertFalse(name("01").matches(WEB));
        assertFalse(name("WEB-*").matches(WEB));
    }

    @Test
    void regexCharactersAreLiteral() {
        assertFalse(name("web-01Xprod").matches(WEB), "'.' is not a wildcard");
        assertTrue(name("web-01.prod").matches(WEB));
        VmDescription odd = new VmDescription("id", "a+b(c)[d]$^|\\e", HypervisorKind.KVM, VmState.STOPPED, 1, 1,
                List.of(), List.of(), null, "h", null, null);
        assertTrue(name("a+b(c)[d]$^|\\e").matches(odd));
        assertTrue(name("a+b(*)[d]$^|\\?").matches(odd));
        assertFalse(name("a.b*").matches(odd));
    }

    @Test
    void aVmWithoutNameMatchesOnlyWithoutPattern() {
        VmDescription unnamed = new VmDescription("id", null, HypervisorKind.KVM, VmState.STOPPED, 1, 1, List.of(),
                List.of(), null, "h", null, null);
        assertTrue(VmCriteria.ANY.matches(unnamed));
        assertFalse(name("*").matches(unnamed));
    }

    @Test
    void everyGivenFieldMustMatch() {
        assertTrue(new VmCriteria("web*", HypervisorKind.KVM, VmState.RUNNING, 2, 1024L, "X86_64", "Debian-12",
                "tiny-template").matches(WEB));
        assertFalse(new VmCriteria(null, HypervisorKind.XEN, null, null, null, null, null, null).matches(WEB));
        assertFalse(new VmCriteria(null, null, VmState.STOPPED, null, null, null, null, null).matches(WEB));
        assertFalse(new VmCriteria(null, null, null, 3, null, null, null, null).matches(WEB));
        assertFalse(new VmCriteria(null, null, null, null, 1025L, null, null, null).matches(WEB));
        assertFalse(new VmCriteria(null, null, null, null, null, "aarch64", null, null).matches(WEB));
        assertFalse(new VmCriteria(null, null, null, null, null, null, "centos", null).matches(WEB));
        assertFalse(new VmCriteria(null, null, null, null, null, null, null, "other").matches(WEB));
    }

    @Test
    void templatesMatchByIdOrNameAndIgnoreVmOnlyFields() {
        assertTrue(new VmCriteria(null, null, null, null, null, null, null, "tiny-template").matches(TEMPLATE));
        assertTrue(new VmCriteria(null, null, null, null, null, null, null, "tmpl-uuid").matches(TEMPLATE));
        assertFalse(new VmCriteria(null, null, null, null, null, null, null, "other").matches(TEMPLATE));
        assertTrue(new VmCriteria("tiny*", HypervisorKind.KVM, VmState.STOPPED, 64, 99999L, "x86_64", "debian-12",
                null).matches(TEMPLATE), "state and size are no template criteria");
        assertFalse(new VmCriteria(null, HypervisorKind.VMWARE, null, null, null, null, null, null).matches(TEMPLATE));
    }
}
