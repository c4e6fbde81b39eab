package org.gve.wsdl.runtime;

import org.gve.wsdl.common.FaultDetail;

/** Builds the detail every GVE fault carries. */
public final class Faults {
    private Faults() {
    }

    public static FaultDetail detail(String code, String message) {
        FaultDetail detail = new FaultDetail();
        detail.setCode(code);
        detail.setMessage(message);
        return detail;
    }
}
