package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.gve.agent.libvirt.LibvirtErrors.Scope;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.libvirt.Error;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.jna.virError;

class LibvirtErrorsTest {

    @ParameterizedTest
    @CsvSource({
            "VIR_ERR_NO_DOMAIN, NOT_FOUND",
            "VIR_ERR_NO_DOMAIN_SNAPSHOT, NOT_FOUND",
            "VIR_ERR_NO_STORAGE_VOL, NOT_FOUND",
            "VIR_ERR_NO_STORAGE_POOL, NOT_FOUND",
            "VIR_ERR_DOM_EXIST, ALREADY_EXISTS",
            "VIR_ERR_STORAGE_VOL_EXIST, ALREADY_EXISTS",
            "VIR_ERR_INVALID_ARG, INVALID_ARGUMENT",
            "VIR_ERR_XML_ERROR, INVALID_ARGUMENT",
            "VIR_ERR_XML_DETAIL, INVALID_ARGUMENT",
            "VIR_ERR_OPERATION_INVALID, INVALID_STATE",
            "VIR_ERR_MIGRATE_UNSAFE, INVALID_STATE",
            "VIR_ERR_NO_SUPPORT, UNSUPPORTED",
            "VIR_ERR_OPERATION_UNSUPPORTED, UNSUPPORTED",
            "VIR_ERR_ARGUMENT_UNSUPPORTED, UNSUPPORTED",
            "VIR_ERR_CONFIG_UNSUPPORTED, UNSUPPORTED",
            "VIR_ERR_AGENT_UNRESPONSIVE, GUEST_UNAVAILABLE",
            "VIR_ERR_AGENT_UNSYNCED, GUEST_UNAVAILABLE",
            "VIR_ERR_OPERATION_TIMEOUT, TIMEOUT",
            "VIR_ERR_NO_CONNECT, BACKEND_FAILURE",
            "VIR_ERR_SYSTEM_ERROR, BACKEND_FAILURE",
            "VIR_ERR_RPC, BACKEND_FAILURE",
            "VIR_ERR_INTERNAL_ERROR, BACKEND_FAILURE",
            "VIR_ERR_OPERATION_FAILED, BACKEND_FAILURE",
            "VIR_ERR_UNKNOWN, BACKEND_FAILURE"
    })
    void mapsHypervisorErrorCodes(ErrorNumber code, DriverError expected) {
        assertEquals(expected, LibvirtErrors.errorFor(code, Scope.HYPERVISOR));
    }

    @ParameterizedTest
    @CsvSource({
            "VIR_ERR_ARGUMENT_UNSUPPORTED, GUEST_UNAVAILABLE",
            "VIR_ERR_INTERNAL_ERROR, GUEST_UNAVAILABLE",
            "VIR_ERR_AGENT_UNRESPONSIVE, GUEST_UNAVAILABLE",
            "VIR_ERR_NO_DOMAIN, NOT_FOUND",
            "VIR_ERR_OPERATION_INVALID, INVALID_STATE",
            "VIR_ERR_NO_SUPPORT, UNSUPPORTED"
    })
    void readsGuestAgentFailuresAsGuestUnavailable(ErrorNumber code, DriverError expected) {
        assertEquals(expected, LibvirtErrors.errorFor(code, Scope.GUEST_AGENT));
    }

    @Test
    void everyCodeMapsToSomething() {
        for (ErrorNumber code : ErrorNumber.values()) {
            for (Scope scope : Scope.values()) {
                assertTrue(EnumSet.allOf(DriverError.class).contains(LibvirtErrors.errorFor(code, scope)));
            }
        }
        assertEquals(DriverError.BACKEND_FAILURE, LibvirtErrors.errorFor(null, Scope.HYPERVISOR));
    }

    @Test
    void translationKeepsTheContextAndLibvirtsMessageButDecidesOnTheCodeAlone() {
        DriverException e = LibvirtErrors.translate(error(ErrorNumber.VIR_ERR_NO_DOMAIN,
                "some text that says nothing about a missing domain"), Scope.HYPERVISOR, "starting VM 42");
        assertEquals(DriverError.NOT_FOUND, e.error());
        assertTrue(e.getMessage().startsWith("starting VM 42: some text"), e.getMessage());
        assertTrue(e.getMessage().contains("VIR_ERR_NO_DOMAIN"), e.getMessage());

        DriverException sameText = LibvirtErrors.translate(error(ErrorNumber.VIR_ERR_OPERATION_INVALID,
                "Domain not found"), Scope.HYPERVISOR, "x");
        assertEquals(DriverError.INVALID_STATE, sameText.error(), "message text is never interpreted");
    }

    private static Error error(ErrorNumber code, String message) {
        virError raw = new virError();
        raw.code = code.ordinal();
        raw.level = 2;
        raw.message = message;
        Error error = new Error(raw);
        assertEquals(code, error.getCode(), "ErrorNumber ordinals are libvirt's codes");
        return error;
    }
}
