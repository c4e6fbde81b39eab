package org.gve.client.model;

import java.util.Objects;

/** A fault as the site reports it: a stable machine-readable code and a message for people. */
public record FaultInfo(String code, String message) {
    public FaultInfo {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
    }
}
