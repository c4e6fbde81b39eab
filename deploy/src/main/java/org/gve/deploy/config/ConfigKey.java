package org.gve.deploy.config;

/** One configuration key: name, default (may mention {data}), and what it means. */
public record ConfigKey(String name, String defaultValue, String description) {
}
