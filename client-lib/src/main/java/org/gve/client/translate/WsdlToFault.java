package org.gve.client.translate;

import org.gve.client.model.FaultInfo;
import org.gve.wsdl.common.FaultDetail;

/** FaultDetail (Code, Message) to {@link FaultInfo}; a detail without a code becomes {@code UNKNOWN}. */
public final class WsdlToFault {
    public static final String UNKNOWN_CODE = "UNKNOWN";

    private WsdlToFault() {
    }

    public static FaultInfo apply(FaultDetail detail) {
        if (detail == null) return null;
        String code = detail.getCode() == null || detail.getCode().isBlank() ? UNKNOWN_CODE : detail.getCode();
        return new FaultInfo(code, detail.getMessage());
    }
}
