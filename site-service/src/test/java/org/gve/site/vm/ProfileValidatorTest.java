package org.gve.site.vm;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.agents.ProfileSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileValidatorTest {
    private final ProfileValidator validator = new ProfileValidator(1, 512, 8, 16384);

    private SiteException refused(String hypervisor, Integer vcpus, Long memory, Long disk, String name) {
        SiteException e = assertThrows(SiteException.class,
                () -> validator.validate(name, hypervisor, vcpus, memory, disk, null, null, null));
        assertEquals(SiteFault.INVALID_ARGUMENT, e.fault());
        return e;
    }

    @Test
    void fillsTheSitesDefaultsAndTrimsBlanks() {
        ProfileSpec p = validator.validate(null, null, null, null, null, " ", "  debian ", "");
        assertEquals(new ProfileSpec(null, null, 1, 512, 0, null, "debian", null), p);
    }

    @Test
    void keepsWhatIsAsked() {
        assertEquals(new ProfileSpec("web-1", "XEN", 8, 16384, 2048, "x86_64", null, "tpl"),
                validator.validate("web-1", "XEN", 8, 16384L, 2048L, "x86_64", null, "tpl"));
    }

    @Test
    void refusesWhatIsOutOfBounds() {
        assertEquals("INVALID_HYPERVISOR", refused("HYPERV", 1, 512L, null, null).code());
        assertTrue(refused(null, 0, 512L, null, null).getMessage().contains("VCpus"));
        assertTrue(refused(null, 9, 512L, null, null).getMessage().contains("between 1 and 8"));
        assertTrue(refused(null, 1, 15L, null, null).getMessage().contains("MemoryMiB"));
        assertTrue(refused(null, 1, 16385L, null, null).getMessage().contains("16384"));
        assertTrue(refused(null, 1, 512L, -1L, null).getMessage().contains("DiskMiB"));
        assertEquals("INVALID_PROFILE", refused(null, 1, 512L, null, "bad name!").code());
        assertEquals("INVALID_PROFILE", refused(null, 1, 512L, null, "-leading-dash").code());
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        assertEquals(16, validator.validate(null, null, 1, 16L, 0L, null, null, null).memoryMiB());
        assertNull(validator.validate(null, "KVM", 8, 16384L, null, null, null, null).name());
    }
}
